/**
 * Page push (flow 5, V9): an agent sends the visitor's browser to a URL. Only
 * http(s), only to an origin on the site's `pushOrigins`, only while the
 * visitor is online. The widget checks the origin again before navigating.
 */
import { ERROR_CODES } from '../protocol/error-codes.js';
import type { PagePushFrame } from '../protocol/client-frames.js';
import { type AgentCtx, fail, notFound, requirePermission } from './command.js';
import { PERMISSIONS } from './permissions.js';

function originOf(text: string): string | undefined {
  try {
    return new URL(text).origin;
  } catch {
    return undefined;
  }
}

export async function pushPage(ctx: AgentCtx, frame: PagePushFrame): Promise<Record<string, never>> {
  requirePermission(ctx, PERMISSIONS.reachOut);
  const { core, state } = ctx;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return fail(ERROR_CODES.originNotAllowed, 'That is not an absolute URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') fail(ERROR_CODES.originNotAllowed, 'Only http and https pages can be pushed.');
  if (!state.site.settings.pushOrigins.some((allowed) => originOf(allowed) === url.origin)) {
    fail(ERROR_CODES.originNotAllowed, `The site does not allow pushing pages of ${url.origin}.`);
  }
  const visitor = state.visitors.get(frame.visitorId);
  if (!visitor) return notFound('visitor');
  if (visitor.connections === 0) fail(ERROR_CODES.visitorGone, 'The visitor has left the site.');
  core.fanout.toVisitor(state.site.id, visitor.id, { type: 'page.push', url: url.href });
  return {};
}

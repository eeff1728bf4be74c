/** Chat history (S4): search, and export as CSV or HTML. */
import { once } from 'node:events';
import type { Message } from '@parley/core';
import type { SessionQuery, SessionRecord } from '@parley/core/hub';
import { PERMISSIONS } from '@parley/core/hub';
import type { RequestContext } from '../context.js';
import { badRequest, HttpError } from '../errors.js';
import { requireAgent } from '../guard.js';
import { ID_RULE } from '../input.js';
import type { Route } from '../router.js';
import { API_HEADERS } from '../respond.js';
import { CSV_COLUMNS, csvRow, HTML_EXPORT_CSP, HTML_TAIL, htmlHead, sessionCsv, sessionHtml } from '../export-format.js';

/** Most messages listed per session. */
const MESSAGES_PER_SESSION = 1000;

/** A time as milliseconds or an ISO date. */
function time(ctx: RequestContext, name: string): number | undefined {
  const raw = ctx.query(name);
  if (raw === undefined) return undefined;
  const ms = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  if (!Number.isFinite(ms)) throw badRequest(`"${name}" must be a time in milliseconds or an ISO date.`);
  return ms;
}

function id(ctx: RequestContext, name: string): string | undefined {
  const raw = ctx.query(name);
  if (raw !== undefined && (raw.length > (ID_RULE.max ?? 64) || !ID_RULE.pattern?.test(raw))) throw badRequest(`"${name}" is not an id.`);
  return raw;
}

/**
 * The query an agent may run: supervisors and admins read the whole site's
 * history; others only the chats they served.
 */
async function historyQuery(ctx: RequestContext, defaultLimit: number, maxLimit: number): Promise<SessionQuery> {
  const actor = await requireAgent(ctx, PERMISSIONS.viewVisitors);
  let agentId = id(ctx, 'agentId');
  if (!actor.can(PERMISSIONS.supervise)) {
    if (agentId !== undefined && agentId !== actor.agent.id) {
      throw new HttpError('forbidden', "Only supervisors may read other agents' chats.");
    }
    agentId = actor.agent.id;
  }
  const limit = Number(ctx.query('limit') ?? defaultLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) throw badRequest(`"limit" must be from 1 to ${maxLimit}.`);
  const text = ctx.query('text');
  if (text !== undefined && text.length > 256) throw badRequest('"text" must be at most 256 characters.');
  const visitorId = id(ctx, 'visitorId');
  const from = time(ctx, 'from');
  const to = time(ctx, 'to');
  return {
    siteId: actor.siteId,
    limit,
    ...(agentId !== undefined && { agentId }),
    ...(visitorId !== undefined && { visitorId }),
    ...(text !== undefined && { text }),
    ...(from !== undefined && { from }),
    ...(to !== undefined && { to }),
  };
}

const messagesOf = (ctx: RequestContext, session: SessionRecord): Promise<Message[]> =>
  ctx.deps.store.listMessages(session.id, { limit: MESSAGES_PER_SESSION });

/** Streams an export session by session, respecting back-pressure. */
async function streamExport(
  ctx: RequestContext,
  headers: Record<string, string>,
  head: string,
  row: (session: SessionRecord, messages: readonly Message[]) => string,
  tail: string,
): Promise<undefined> {
  const sessions = await ctx.deps.store.listSessions(await historyQuery(ctx, 1000, 5000));
  const { res } = ctx;
  res.writeHead(200, { ...API_HEADERS, ...headers });
  const write = async (chunk: string) => {
    if (!res.write(chunk)) await once(res, 'drain');
  };
  try {
    await write(head);
    for (const session of sessions) {
      if (res.destroyed) return undefined;
      await write(row(session, await messagesOf(ctx, session)));
    }
    res.end(tail);
  } catch (error) {
    // Headers are gone: all that is left is to cut the response.
    ctx.deps.log.error('history export failed', { error });
    res.destroy();
  }
  return undefined;
}

const stamp = (ctx: RequestContext) => new Date(ctx.deps.clock.now()).toISOString().slice(0, 10);

/** `GET /api/history`, `/api/history/export.csv`, `/api/history/export.html`. */
export const historyRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/api/history',
    async handle(ctx) {
      const sessions = await ctx.deps.store.listSessions(await historyQuery(ctx, 50, 200));
      const withMessages = await Promise.all(sessions.map(async (session) => ({ session, messages: await messagesOf(ctx, session) })));
      return { status: 200, body: { sessions: withMessages } };
    },
  },
  {
    method: 'GET',
    path: '/api/history/export.csv',
    handle: (ctx) =>
      streamExport(
        ctx,
        {
          'Content-Type': 'text/csv; charset=utf-8; header=present',
          'Content-Disposition': `attachment; filename="parley-history-${stamp(ctx)}.csv"`,
        },
        // The BOM makes spreadsheet programs read the file as UTF-8.
        '\uFEFF' + csvRow(CSV_COLUMNS),
        sessionCsv,
        '',
      ),
  },
  {
    method: 'GET',
    path: '/api/history/export.html',
    handle: (ctx) =>
      streamExport(
        ctx,
        {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Disposition': `attachment; filename="parley-history-${stamp(ctx)}.html"`,
          'Content-Security-Policy': HTML_EXPORT_CSP,
        },
        htmlHead('Parley chat history'),
        sessionHtml,
        HTML_TAIL,
      ),
  },
];

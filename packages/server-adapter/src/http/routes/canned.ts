/** Canned replies, links and files (A5): agents search and read, admins change. */
import { PERMISSIONS } from '@parley/core/hub';
import type { RequestContext } from '../context.js';
import { badRequest, notFound } from '../errors.js';
import { requireAgent, type AgentActor } from '../guard.js';
import { Fields, ID_RULE } from '../input.js';
import type { Route } from '../router.js';
import { newId, SERVER_ID_PREFIXES } from '../../store/ids.js';
import { CANNED_KINDS, type CannedItem } from '../../store/server-store.js';

async function cannedOfSite(ctx: RequestContext, actor: AgentActor): Promise<CannedItem> {
  const item = await ctx.deps.store.getCanned(ctx.params.id ?? '');
  if (!item || item.siteId !== actor.siteId) throw notFound('The canned item');
  return item;
}

function httpUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
  } catch {
    // fall through
  }
  throw badRequest('"url" must be an http(s) URL.');
}

/** Reads a canned item from a body, over `base` for a PATCH; checks the kind's needs. */
async function readItem(ctx: RequestContext, actor: AgentActor, base: CannedItem | undefined): Promise<CannedItem> {
  const f = Fields.of(await ctx.body());
  const kind = base ? (f.optionalOneOf('kind', CANNED_KINDS) ?? base.kind) : f.oneOf('kind', CANNED_KINDS);
  const title = f.optionalString('title', { min: 1, max: 256 }) ?? base?.title;
  const text = f.nullableString('text', { max: 10_000 });
  const url = f.nullableString('url', { max: 2048 });
  const fileId = f.nullableString('fileId', ID_RULE);
  const shortcut = f.nullableString('shortcut', { min: 1, max: 32, pattern: /^[A-Za-z0-9_-]+$/, patternHint: 'may hold only letters, digits, _ and -' });
  f.done();
  if (!title) throw badRequest('"title" is required.');
  const pick = (given: string | null | undefined, old: string | undefined) => (given === null ? undefined : (given ?? old));
  const item = {
    text: pick(text, base?.text),
    url: pick(url, base?.url),
    fileId: pick(fileId, base?.fileId),
    shortcut: pick(shortcut, base?.shortcut),
  };
  if (kind === 'reply' && !item.text) throw badRequest('A reply needs "text".');
  if (kind === 'link') {
    if (!item.url) throw badRequest('A link needs "url".');
    item.url = httpUrl(item.url);
  }
  if (kind === 'file') {
    const file = item.fileId ? await ctx.deps.store.getFile(item.fileId) : undefined;
    if (!file || file.siteId !== actor.siteId) throw badRequest('A file needs "fileId" of a file uploaded to this site.');
    item.url = ctx.deps.capabilities.url(file.id);
  }
  const now = ctx.deps.clock.now();
  return {
    id: base?.id ?? newId(SERVER_ID_PREFIXES.canned),
    siteId: actor.siteId,
    kind,
    title,
    ...(item.text !== undefined && { text: item.text }),
    ...(item.url !== undefined && { url: item.url }),
    ...(item.fileId !== undefined && kind === 'file' && { fileId: item.fileId }),
    ...(item.shortcut !== undefined && { shortcut: item.shortcut }),
    createdAt: base?.createdAt ?? now,
    updatedAt: now,
  };
}

/** `/api/canned` CRUD and incremental search (`?q=`). */
export const cannedRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/api/canned',
    async handle(ctx) {
      const actor = await requireAgent(ctx, PERMISSIONS.chat);
      const q = ctx.query('q');
      const limit = Number(ctx.query('limit') ?? 50);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw badRequest('"limit" must be from 1 to 500.');
      if (q !== undefined && q.length > 256) throw badRequest('"q" must be at most 256 characters.');
      return { status: 200, body: { items: await ctx.deps.store.listCanned(actor.siteId, { ...(q !== undefined && { q }), limit }) } };
    },
  },
  {
    method: 'GET',
    path: '/api/canned/:id',
    async handle(ctx) {
      const actor = await requireAgent(ctx, PERMISSIONS.chat);
      return { status: 200, body: await cannedOfSite(ctx, actor) };
    },
  },
  {
    method: 'POST',
    path: '/api/canned',
    async handle(ctx) {
      const actor = await requireAgent(ctx, PERMISSIONS.manage);
      const item = await readItem(ctx, actor, undefined);
      await ctx.deps.store.saveCanned(item);
      return { status: 201, body: item };
    },
  },
  {
    method: 'PATCH',
    path: '/api/canned/:id',
    async handle(ctx) {
      const actor = await requireAgent(ctx, PERMISSIONS.manage);
      const item = await readItem(ctx, actor, await cannedOfSite(ctx, actor));
      await ctx.deps.store.saveCanned(item);
      return { status: 200, body: item };
    },
  },
  {
    method: 'DELETE',
    path: '/api/canned/:id',
    async handle(ctx) {
      const actor = await requireAgent(ctx, PERMISSIONS.manage);
      await ctx.deps.store.deleteCanned((await cannedOfSite(ctx, actor)).id);
      return { status: 204 };
    },
  },
];

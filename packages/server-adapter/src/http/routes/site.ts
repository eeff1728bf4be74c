/** The agent's own site: settings, secret, forwarding (admins), and the public widget config. */
import { randomBytes } from 'node:crypto';
import { isOriginAllowed } from '@parley/core';
import { PERMISSIONS } from '@parley/core/hub';
import { badRequest, HttpError, notFound } from '../errors.js';
import { requireAgent } from '../guard.js';
import { Fields } from '../input.js';
import type { RequestContext } from '../context.js';
import type { Route } from '../router.js';
import { applySettingsPatch } from '../settings-input.js';
import { forwardingView, siteView } from '../views.js';

const EMAIL = /^[^\s@<>(),;:"\\]+@[^\s@<>(),;:"\\]+\.[^\s@<>(),;:"\\]+$/;

async function ownSite(ctx: RequestContext, siteId: string) {
  const site = await ctx.deps.store.getSite(siteId);
  if (!site) throw notFound('The site');
  return site;
}

function webhookUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badRequest('"webhookUrl" must be an http(s) URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw badRequest('"webhookUrl" must be an http(s) URL.');
  if (url.username || url.password) throw badRequest('"webhookUrl" must not carry credentials; the body is signed instead.');
  return url.href;
}

/** `GET/PATCH /api/site`, `POST /api/site/secret`, `GET/PUT /api/site/forwarding`, `GET /api/widget-config`. */
export const siteRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/api/site',
    async handle(ctx) {
      const { siteId } = await requireAgent(ctx, PERMISSIONS.manage);
      return { status: 200, body: siteView(await ownSite(ctx, siteId)) };
    },
  },
  {
    method: 'PATCH',
    path: '/api/site',
    async handle(ctx) {
      const { siteId } = await requireAgent(ctx, PERMISSIONS.manage);
      const site = await ownSite(ctx, siteId);
      const f = Fields.of(await ctx.body());
      const name = f.optionalString('name', { min: 1, max: 256 });
      const patch = f.raw('settings');
      f.done();
      const settings = patch === undefined ? site.settings : applySettingsPatch(site.settings, patch, ctx.ip);
      const next = { ...site, ...(name !== undefined && { name }), settings };
      await ctx.deps.store.saveSite(next);
      await ctx.deps.hub.reloadSite(siteId);
      return { status: 200, body: siteView(next) };
    },
  },
  {
    method: 'POST',
    path: '/api/site/secret',
    async handle(ctx) {
      const { siteId } = await requireAgent(ctx, PERMISSIONS.manage);
      const site = await ownSite(ctx, siteId);
      // Shown once: the site's own server needs it to sign member info (V17).
      const secret = randomBytes(32).toString('base64url');
      await ctx.deps.store.saveSite({ ...site, secret });
      await ctx.deps.hub.reloadSite(siteId);
      return { status: 200, body: { secret } };
    },
  },
  {
    method: 'GET',
    path: '/api/site/forwarding',
    async handle(ctx) {
      const { siteId } = await requireAgent(ctx, PERMISSIONS.manage);
      return { status: 200, body: forwardingView(await ctx.deps.store.getForwarding(siteId)) };
    },
  },
  {
    method: 'PUT',
    path: '/api/site/forwarding',
    async handle(ctx) {
      const { siteId } = await requireAgent(ctx, PERMISSIONS.manage);
      const current = await ctx.deps.store.getForwarding(siteId);
      const f = Fields.of(await ctx.body());
      const url = f.nullableString('webhookUrl', { max: 2048 });
      const givenSecret = f.optionalString('webhookSecret', { min: 16, max: 256 });
      const emails = f.optionalStringList('emails', 20, { max: 254, pattern: EMAIL, patternHint: 'must be e-mail addresses' }) ?? [];
      f.done();
      const webhook = url ? webhookUrl(url) : undefined;
      // A webhook without a secret gets one, shown in this answer only.
      const generated = webhook && !givenSecret && !current?.webhookSecret ? randomBytes(32).toString('base64url') : undefined;
      const secret = givenSecret ?? generated ?? (webhook ? current?.webhookSecret : undefined);
      const next = { ...(webhook && { webhookUrl: webhook }), ...(secret && { webhookSecret: secret }), emails };
      await ctx.deps.store.saveForwarding(siteId, next);
      return { status: 200, body: { ...forwardingView(next), ...(generated && { webhookSecret: generated }) } };
    },
  },
  {
    method: 'GET',
    path: '/api/widget-config',
    async handle(ctx) {
      const siteId = ctx.query('siteId');
      if (!siteId) throw badRequest('"siteId" is required.');
      const site = await ctx.deps.store.getSite(siteId);
      if (!site) throw notFound('The site');
      const origin = ctx.req.headers.origin;
      const allowed = site.settings.allowedOrigins;
      if (!isOriginAllowed(allowed, origin)) {
        throw new HttpError('origin_not_allowed', 'This site does not allow the chat on this origin.');
      }
      const s = site.settings;
      // The visitor's part of the settings only: no secret, allow-lists or routing.
      return {
        status: 200,
        body: {
          siteId: site.id,
          name: site.name,
          settings: {
            typingPreview: s.typingPreview,
            pushOrigins: s.pushOrigins,
            preChatFields: s.preChatFields,
            offlineFields: s.offlineFields,
            texts: s.texts,
            theme: s.theme,
          },
        },
        headers: { 'Cache-Control': 'public, max-age=60' },
      };
    },
  },
];


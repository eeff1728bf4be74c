/**
 * The server admin's API: create and list sites. One server serves many
 * sites; this is the only door that crosses between them, and it needs the
 * admin key from the server's options.
 */
import { randomBytes } from 'node:crypto';
import { createId } from '@parley/core';
import { defaultSiteSettings, type SiteRecord } from '@parley/core/hub';
import { hashPassword, MAX_PASSWORD_LENGTH } from '../../auth/password.js';
import { HttpError } from '../errors.js';
import { requireServerAdmin } from '../guard.js';
import { Fields, ID_RULE } from '../input.js';
import type { Route } from '../router.js';
import { applySettingsPatch } from '../settings-input.js';
import { agentView, siteView } from '../views.js';

/** `POST /api/admin/sites`, `GET /api/admin/sites`. */
export const adminRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/api/admin/sites',
    async handle(ctx) {
      requireServerAdmin(ctx);
      const sites = await ctx.deps.store.listSites();
      return { status: 200, body: { sites: sites.map((s) => ({ id: s.id, name: s.name })) } };
    },
  },
  {
    method: 'POST',
    path: '/api/admin/sites',
    async handle(ctx) {
      requireServerAdmin(ctx);
      const f = Fields.of(await ctx.body());
      const id = f.optionalString('id', { ...ID_RULE, min: 3 }) ?? createId('site');
      const name = f.string('name', { min: 1, max: 256 });
      const settingsPatch = f.raw('settings');
      const admin = f.optionalObject('admin', (a) => ({
        name: a.string('name', { min: 1, max: 256 }),
        login: a.string('login', { min: 1, max: 128, pattern: /^[^\s]+$/, patternHint: 'may not contain spaces' }),
        password: a.string('password', { min: 8, max: MAX_PASSWORD_LENGTH }),
      }));
      f.done();
      if (!admin) throw new HttpError('bad_request', '"admin" (name, login, password) is required: a site needs someone to run it.');
      if (await ctx.deps.store.getSite(id)) throw new HttpError('conflict', `A site with id "${id}" exists.`);
      const defaults = defaultSiteSettings();
      const settings = settingsPatch === undefined ? defaults : applySettingsPatch(defaults, settingsPatch, ctx.ip);
      const site: SiteRecord = { id, name, secret: randomBytes(32).toString('base64url'), settings };
      const agent = {
        id: createId('agent'),
        siteId: id,
        name: admin.name,
        login: admin.login,
        role: 'admin' as const,
        groups: [],
        capacity: 5,
        passwordHash: await hashPassword(admin.password),
      };
      await ctx.deps.store.saveSite(site);
      await ctx.deps.store.saveAgent(agent);
      await ctx.deps.hub.reloadSite(id);
      ctx.deps.log.info('site created', { siteId: id });
      // The site's secret is shown here once; it signs member info on the site's own server.
      return { status: 201, body: { site: siteView(site), secret: site.secret, admin: agentView(agent) } };
    },
  },
];

/**
 * A real Parley server (createParleyServer, SQLite in a temporary folder) on
 * 127.0.0.1 with a test site and two agents whose passwords are known, for
 * the integration and security tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { defaultSiteSettings, type SiteSettings } from '@parley/core/hub';

import { hashPassword } from '../../../../src/auth/password.js';
import { createMemoryLogger, type MemoryLogger } from '../../../../src/log.js';
import { createParleyServer, type ParleyServer, type ParleyServerOptions } from '../../../../src/server.js';
import type { ServerStore } from '../../../../src/store/server-store.js';

export const SITE_ID = 'site_it';
export const SHOP_ORIGIN = 'http://shop.test';
export const PASSWORD = 'correct horse battery staple';
/** The test site's agents: two plain agents, both in both groups. */
export const AGENTS = {
  ada: { id: 'agt_ada', login: 'ada', name: 'Ada' },
  sam: { id: 'agt_sam', login: 'sam', name: 'Sam' },
} as const;

export function testSiteSettings(overrides: Partial<SiteSettings> = {}): SiteSettings {
  return defaultSiteSettings({
    allowedOrigins: [SHOP_ORIGIN, 'http://localhost:*'],
    pushOrigins: [SHOP_ORIGIN],
    typingPreview: true,
    welcomeMessage: undefined,
    autoReply: undefined,
    preChatFields: [
      { name: 'name', label: 'Name', kind: 'text', required: true },
      {
        name: 'question',
        label: 'About',
        kind: 'select',
        required: false,
        options: [
          { value: 'buying', label: 'Buying', groupId: 'grp_sales' },
          { value: 'help', label: 'Help', groupId: 'grp_support' },
        ],
      },
    ],
    transferTimeoutSeconds: 30,
    ...overrides,
  });
}

/** Seeds the test site, its groups and agents (with {@link PASSWORD}) into an empty store. */
export async function seedTestSite(store: ServerStore, settings: SiteSettings = testSiteSettings()): Promise<void> {
  await store.saveSite({ id: SITE_ID, name: 'Integration shop', secret: 'm'.repeat(32), settings });
  await store.saveGroup({ id: 'grp_sales', siteId: SITE_ID, name: 'Sales' });
  await store.saveGroup({ id: 'grp_support', siteId: SITE_ID, name: 'Support' });
  const passwordHash = await hashPassword(PASSWORD);
  for (const a of Object.values(AGENTS)) {
    await store.saveAgent({ ...a, siteId: SITE_ID, role: 'agent', groups: ['grp_sales', 'grp_support'], capacity: 10, passwordHash });
  }
}

export interface TestServer {
  readonly server: ParleyServer;
  readonly url: string;
  readonly dataDir: string;
  readonly log: MemoryLogger;
  /** Signs an agent in through the HTTP API; resolves with its token. */
  signIn(login: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** Starts a server on a free port with the test site (unless the data folder already has it). */
export async function startTestServer(options: Partial<ParleyServerOptions> & { readonly keepData?: boolean } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'parley-it-'));
  const log = createMemoryLogger();
  const server = createParleyServer({ logger: log, port: 0, host: '127.0.0.1', ...options, dataDir });
  if ((await server.store.listSites()).length === 0) await seedTestSite(server.store);
  const { url } = await server.listen();
  return {
    server,
    url,
    dataDir,
    log,
    signIn: (login, password = PASSWORD) => signIn(url, login, password),
    async close() {
      await server.close();
      if (!options.keepData && options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `POST /api/login`; resolves with the token or rejects with the API's error. */
export async function signIn(url: string, login: string, password = PASSWORD, siteId = SITE_ID): Promise<string> {
  const res = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ siteId, login, password }),
  });
  const body = (await res.json()) as { token?: string; error?: { code: string } };
  if (!res.ok || !body.token) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(body)}`);
  return body.token;
}

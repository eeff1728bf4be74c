/**
 * A real HTTP server on 127.0.0.1 running only the API, over a fresh SQLite
 * store, with two sites (a and b) and an admin, a supervisor and an agent on
 * each.
 */
import { once } from 'node:events';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { createTokenAuth, defaultSiteSettings, type AgentRecord, type SessionRecord } from '@parley/core/hub';
import { hashPassword } from '../../../../src/auth/password.js';
import { createDiskFileStorage } from '../../../../src/files/file-storage.js';
import { createHttpApi, type ApiDeps } from '../../../../src/http/api.js';
import { createMemoryLogger } from '../../../../src/log.js';
import { openSqliteStore } from '../../../../src/store/sqlite/open.js';
import { tempDir } from '../../store/support/temp.js';

export const SECRET = 'test-secret-0123456789-0123456789-abcdef';
export const ADMIN_KEY = 'server-admin-key-0123456789';
export const PASSWORD = 'correct-horse-9';
export const T0 = Date.UTC(2026, 0, 1, 12);

/** An answer: status, headers, and the body as text and (when JSON) parsed. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: any;
}

export interface CallOptions {
  readonly token?: string;
  readonly visitorToken?: string;
  readonly body?: unknown;
  /** Sent as it is, with `contentType`. */
  readonly raw?: string | Buffer;
  readonly contentType?: string;
  readonly headers?: Record<string, string>;
}

export async function startApi(t: TestContext, over: Partial<ApiDeps> = {}) {
  const dir = tempDir(t);
  const store = openSqliteStore(join(dir, 'parley.db'));
  const auth = createTokenAuth({ secret: SECRET });
  const reloads: string[] = [];
  const log = createMemoryLogger();
  const clock = { time: T0, now: () => clock.time };
  const api = createHttpApi({
    store,
    hub: { reloadSite: async (siteId) => void reloads.push(siteId) },
    auth,
    files: createDiskFileStorage(join(dir, 'files')),
    log,
    secret: SECRET,
    adminKey: ADMIN_KEY,
    limits: { jsonBodyBytes: 2048, fileBytes: 64 * 1024 },
    clock,
    ...over,
  });
  const server = createServer((req, res) => {
    api(req, res).then(
      (handled) => {
        if (!handled) res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not the API');
      },
      (error: unknown) => {
        log.error('test server: api threw', { error });
        res.destroy();
      },
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t.after(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    await store.close();
  });

  const hash = await hashPassword(PASSWORD, { ln: 10, r: 8, p: 1 });
  const agents: Record<string, AgentRecord> = {};
  for (const siteId of ['site_a', 'site_b']) {
    await store.saveSite({ id: siteId, name: `Shop ${siteId.slice(5).toUpperCase()}`, secret: `secret-${siteId}`, settings: defaultSiteSettings() });
    for (const role of ['admin', 'supervisor', 'agent'] as const) {
      const agent: AgentRecord = { id: `agt_${siteId.slice(5)}_${role}`, siteId, name: role, login: role, role, groups: [], capacity: 3, passwordHash: hash };
      await store.saveAgent(agent);
      agents[`${siteId.slice(5)}_${role}`] = agent;
    }
  }
  const token = (key: string, ttlMs?: number) => {
    const agent = agents[key];
    if (!agent) throw new Error(key);
    return auth.issueAgentToken(agent.siteId, agent.id, ttlMs);
  };
  const tokens = {
    a_admin: await token('a_admin'),
    a_supervisor: await token('a_supervisor'),
    a_agent: await token('a_agent'),
    b_admin: await token('b_admin'),
    b_agent: await token('b_agent'),
  };

  async function call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.visitorToken) headers.authorization = `Visitor ${options.visitorToken}`;
    let body: string | Uint8Array | undefined;
    if (options.raw !== undefined) {
      body = typeof options.raw === 'string' ? options.raw : new Uint8Array(options.raw);
      if (options.contentType) headers['content-type'] = options.contentType;
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(base + path, { method, headers, ...(body !== undefined && { body: body as BodyInit }) });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  }

  /** A session of a site, for files and history. */
  async function session(over: Partial<SessionRecord> = {}): Promise<SessionRecord> {
    const s: SessionRecord = {
      id: 'ses_a1', siteId: 'site_a', visitorId: 'vis_1', state: 'active', agentId: 'agt_a_agent', fields: {},
      createdAt: T0, acceptedAt: T0, readSeq: { visitor: 0, agent: 0 }, autoReplies: 0, ...over,
    };
    await store.saveSession(s);
    return s;
  }

  /**
   * Sends a body through node:http, chunk by chunk, and reports the answer
   * (or that the connection was cut before one came). By default it stops
   * sending when the answer arrives, as browsers do; a `stubborn` client keeps
   * sending until the server cuts the connection, and resolves then.
   */
  function stream(path: string, chunks: AsyncIterable<Buffer> | Iterable<Buffer>, headers: Record<string, string>, stubborn = false) {
    return new Promise<{ status?: number; body: string; error?: string }>((resolve) => {
      const req = httpRequest(base + path, { method: 'POST', headers });
      const result: { status?: number; body: string; error?: string } = { body: '' };
      let answered = false;
      let settled = false;
      const settle = () => !settled && ((settled = true), resolve(result));
      req.on('response', (res) => {
        answered = true;
        result.status = res.statusCode ?? 0;
        res.setEncoding('utf8');
        res.on('data', (c: string) => (result.body += c));
        res.on('end', () => !stubborn && settle());
        res.on('error', () => !stubborn && settle());
      });
      req.on('error', (error) => {
        result.error = error.message;
        settle();
      });
      req.on('close', () => settle());
      void (async () => {
        try {
          for await (const chunk of chunks) {
            if (req.destroyed || (!stubborn && (answered || settled))) break;
            if (!req.write(chunk)) await once(req, 'drain');
          }
          if (!req.destroyed) req.end();
        } catch {
          // the server cut the connection: reported through 'error' or 'close'
        }
      })();
    });
  }

  return { base, store, auth, api, reloads, log, clock, agents, tokens, token, call, session, stream, dir };
}

/**
 * The server's own records over SQLite: canned items, sign-in throttling,
 * the login log, used TOTP steps, file metadata and forwarding settings.
 */
import type Database from 'better-sqlite3';
import type { Store } from '@parley/core/hub';
import type { CannedItem, FileRecord, ForwardingSettings, LoginLogEntry, ServerStore } from '../server-store.js';
import type { Batcher } from './batcher.js';
import { limitOf, parse, parseAll } from './hub-tables.js';

type Row = { data: string };
type ServerOnly = Omit<ServerStore, keyof Store>;

const DEFAULT_CANNED_LIMIT = 200;
const DEFAULT_LOG_LIMIT = 100;

/** What canned search looks in, folded once on save. */
const searchText = (item: CannedItem) => [item.title, item.shortcut ?? '', item.text ?? ''].join('\n').toLowerCase();

/** The server-only store methods. */
export function createServerTables(db: Database.Database, batcher: Batcher): ServerOnly {
  const { read, write } = batcher;
  const q = {
    agentByLogin: db.prepare<[string, string], Row>('SELECT data FROM agents WHERE site_id = ? AND login = ?'),

    listCanned: db.prepare<Record<string, unknown>, Row>(
      `SELECT data FROM canned WHERE site_id = @siteId AND (@q IS NULL OR instr(search_folded, @q) > 0)
       ORDER BY title COLLATE NOCASE, pk LIMIT @limit`,
    ),
    getCanned: db.prepare<[string], Row>('SELECT data FROM canned WHERE id = ?'),
    saveCanned: db.prepare(
      `INSERT INTO canned (id, site_id, title, search_folded, data) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE
       SET site_id = excluded.site_id, title = excluded.title, search_folded = excluded.search_folded, data = excluded.data`,
    ),
    deleteCanned: db.prepare('DELETE FROM canned WHERE id = ?'),

    addFailure: db.prepare('INSERT INTO sign_in_failures (site_id, login, at) VALUES (?, ?, ?)'),
    countFailures: db.prepare<[string, string, number], { n: number }>(
      'SELECT count(*) AS n FROM sign_in_failures WHERE site_id = ? AND login = ? AND at >= ?',
    ),
    clearFailures: db.prepare('DELETE FROM sign_in_failures WHERE site_id = ? AND login = ?'),
    // Old failures count for nothing; dropping them keeps the table small.
    pruneFailures: db.prepare('DELETE FROM sign_in_failures WHERE site_id = ? AND login = ? AND at < ?'),
    lock: db.prepare(
      'INSERT INTO sign_in_locks (site_id, login, until) VALUES (?, ?, ?) ON CONFLICT (site_id, login) DO UPDATE SET until = excluded.until',
    ),
    lockedUntil: db.prepare<[string, string], { until: number }>('SELECT until FROM sign_in_locks WHERE site_id = ? AND login = ?'),

    appendLog: db.prepare('INSERT INTO login_log (id, site_id, agent_id, at, data) VALUES (?, ?, ?, ?, ?)'),
    listLog: db.prepare<Record<string, unknown>, Row>(
      `SELECT data FROM login_log WHERE site_id = @siteId
         AND (@agentId IS NULL OR agent_id = @agentId)
         AND (@from IS NULL OR at >= @from)
         AND (@to IS NULL OR at < @to)
       ORDER BY at DESC, pk DESC LIMIT @limit`,
    ),

    useStep: db.prepare('INSERT INTO totp_steps (agent_id, step) VALUES (?, ?) ON CONFLICT DO NOTHING'),
    forgetSteps: db.prepare('DELETE FROM totp_steps WHERE agent_id = ? AND step < ?'),

    saveFile: db.prepare(
      `INSERT INTO files (id, site_id, session_id, data) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE
       SET site_id = excluded.site_id, session_id = excluded.session_id, data = excluded.data`,
    ),
    getFile: db.prepare<[string], Row>('SELECT data FROM files WHERE id = ?'),
    deleteFile: db.prepare('DELETE FROM files WHERE id = ?'),

    getForwarding: db.prepare<[string], Row>('SELECT data FROM forwarding WHERE site_id = ?'),
    saveForwarding: db.prepare(
      'INSERT INTO forwarding (site_id, data) VALUES (?, ?) ON CONFLICT (site_id) DO UPDATE SET data = excluded.data',
    ),
  };
  const json = (value: unknown) => JSON.stringify(value);

  return {
    findAgentByLogin: (siteId, login) => read(() => parse(q.agentByLogin.get(siteId, login))),

    listCanned: (siteId, query = {}) =>
      read(() =>
        parseAll<CannedItem>(
          q.listCanned.all({
            siteId,
            q: query.q ? query.q.toLowerCase() : null,
            limit: limitOf(query.limit, DEFAULT_CANNED_LIMIT),
          }),
        ),
      ),
    getCanned: (id) => read(() => parse<CannedItem>(q.getCanned.get(id))),
    saveCanned: (item) => write(() => void q.saveCanned.run(item.id, item.siteId, item.title, searchText(item), json(item))),
    deleteCanned: (id) => write(() => void q.deleteCanned.run(id)),

    recordSignInFailure: (siteId, login, at) => write(() => void q.addFailure.run(siteId, login, at)),
    countSignInFailures: (siteId, login, since) =>
      write(() => {
        q.pruneFailures.run(siteId, login, since);
        return q.countFailures.get(siteId, login, since)?.n ?? 0;
      }),
    clearSignInFailures: (siteId, login) => write(() => void q.clearFailures.run(siteId, login)),
    lockSignIn: (siteId, login, until) => write(() => void q.lock.run(siteId, login, until)),
    signInLockedUntil: (siteId, login) => read(() => q.lockedUntil.get(siteId, login)?.until),

    appendLoginLog: (entry) => write(() => void q.appendLog.run(entry.id, entry.siteId, entry.agentId ?? null, entry.at, json(entry))),
    listLoginLog: (siteId, query = {}) =>
      read(() =>
        parseAll<LoginLogEntry>(
          q.listLog.all({
            siteId,
            agentId: query.agentId ?? null,
            from: query.from ?? null,
            to: query.to ?? null,
            limit: limitOf(query.limit, DEFAULT_LOG_LIMIT),
          }),
        ),
      ),

    useTotpStep: (agentId, step, forgetBefore) =>
      write(() => {
        if (forgetBefore !== undefined) q.forgetSteps.run(agentId, forgetBefore);
        // The primary key makes the claim atomic: a second insert of the step changes nothing.
        return q.useStep.run(agentId, step).changes === 1;
      }),

    saveFile: (file) => write(() => void q.saveFile.run(file.id, file.siteId, file.sessionId ?? null, json(file))),
    getFile: (id) => read(() => parse<FileRecord>(q.getFile.get(id))),
    deleteFile: (id) => write(() => void q.deleteFile.run(id)),

    getForwarding: (siteId) => read(() => parse<ForwardingSettings>(q.getForwarding.get(siteId))),
    saveForwarding: (siteId, settings) => write(() => void q.saveForwarding.run(siteId, json(settings))),
  };
}

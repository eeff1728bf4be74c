/**
 * The hub's {@link Store} over SQLite: sites, agents, groups, visitors, page
 * views, sessions, messages and offline messages.
 */
import type Database from 'better-sqlite3';
import type { Message } from '@parley/core';
import type { NewMessage, PageViewRecord, SessionQuery, Store } from '@parley/core/hub';
import type { Batcher } from './batcher.js';

const DEFAULT_SESSION_LIMIT = 100;
const DEFAULT_OFFLINE_LIMIT = 100;

/** A positive integer limit, or the fallback. */
export function limitOf(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isInteger(value) && value >= 0 ? value : fallback;
}

/** Parses a `data` column; JSON gives every caller its own copy. */
export const parse = <T>(row: { data: string } | undefined): T | undefined =>
  row === undefined ? undefined : (JSON.parse(row.data) as T);

/** Parses the `data` column of every row. */
export const parseAll = <T>(rows: readonly { data: string }[]): T[] => rows.map((row) => JSON.parse(row.data) as T);

type Row = { data: string };
type MessageRow = { data: string; seq: number };

/**
 * A copy of what was stored, as reading it back would give: `undefined`
 * fields dropped (as JSON drops them), nothing shared with the caller's object.
 */
export function storedCopy<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(storedCopy) as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined && typeof item !== 'function') out[key] = storedCopy(item);
  }
  return out as T;
}

const toMessage = (row: MessageRow): Message => {
  const message = JSON.parse(row.data) as NewMessage & { seq: number };
  message.seq = row.seq;
  return message;
};

/** What appending an encoded message gives: its new seq, or the message already stored under its clientId. */
export type Appended = { readonly seq: number } | { readonly existing: Message };

/** The hub's store methods (`close` is the caller's), and the encoded append beneath `appendMessage`. */
export interface HubTables {
  readonly store: Omit<Store, 'close'>;
  /**
   * Appends a message given as its JSON (`data`): what `appendMessage` does,
   * for a caller that encoded it already (the store thread's other side).
   */
  appendEncoded(sessionId: string, clientId: string, text: string | undefined, data: string): Promise<Appended>;
}

/** The hub's tables over a connection and its batcher. */
export function createHubTables(db: Database.Database, batcher: Batcher): HubTables {
  const { read, write, writeStatement } = batcher;
  const q = {
    getSite: db.prepare<[string], Row>('SELECT data FROM sites WHERE id = ?'),
    listSites: db.prepare<[], Row>('SELECT data FROM sites ORDER BY pk'),
    // ON CONFLICT … DO UPDATE keeps the row (and its pk order); INSERT OR REPLACE would
    // delete it first and cascade to the rows that refer to it.
    saveSite: db.prepare('INSERT INTO sites (id, data) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data'),

    getAgent: db.prepare<[string], Row>('SELECT data FROM agents WHERE id = ?'),
    listAgents: db.prepare<[string], Row>('SELECT data FROM agents WHERE site_id = ? ORDER BY pk'),
    saveAgent: db.prepare(
      `INSERT INTO agents (id, site_id, login, data) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE
       SET site_id = excluded.site_id, login = excluded.login, data = excluded.data`,
    ),
    deleteAgent: db.prepare('DELETE FROM agents WHERE id = ?'),

    listGroups: db.prepare<[string], Row>('SELECT data FROM agent_groups WHERE site_id = ? ORDER BY pk'),
    saveGroup: db.prepare(
      `INSERT INTO agent_groups (id, site_id, data) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE
       SET site_id = excluded.site_id, data = excluded.data`,
    ),
    deleteGroup: db.prepare('DELETE FROM agent_groups WHERE id = ?'),

    getVisitor: db.prepare<[string, string], Row>('SELECT data FROM visitors WHERE site_id = ? AND id = ?'),
    saveVisitor: db.prepare(
      'INSERT INTO visitors (site_id, id, data) VALUES (?, ?, ?) ON CONFLICT (site_id, id) DO UPDATE SET data = excluded.data',
    ),

    savePageView: db.prepare(
      `INSERT INTO page_views (id, site_id, visitor_id, at, data) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE
       SET site_id = excluded.site_id, visitor_id = excluded.visitor_id, at = excluded.at, data = excluded.data`,
    ),
    // The newest `limit`, turned oldest first by the caller.
    listPageViews: db.prepare<[string, string, number], Row>(
      'SELECT data FROM page_views WHERE site_id = ? AND visitor_id = ? ORDER BY at DESC, pk DESC LIMIT ?',
    ),

    getSession: db.prepare<[string], Row>('SELECT data FROM sessions WHERE id = ?'),
    saveSession: db.prepare(
      `INSERT INTO sessions (id, site_id, visitor_id, agent_id, state, created_at, accepted_at, data)
       VALUES (@id, @siteId, @visitorId, @agentId, @state, @createdAt, @acceptedAt, @data) ON CONFLICT (id) DO UPDATE
       SET site_id = excluded.site_id, visitor_id = excluded.visitor_id, agent_id = excluded.agent_id, state = excluded.state,
           created_at = excluded.created_at, accepted_at = excluded.accepted_at, data = excluded.data`,
    ),
    // Every filter is optional: a NULL parameter switches it off.
    listSessions: db.prepare<Record<string, unknown>, Row>(
      `SELECT data FROM sessions s WHERE site_id = @siteId
         AND (@visitorId IS NULL OR visitor_id = @visitorId)
         AND (@agentId IS NULL OR agent_id = @agentId)
         AND (@states IS NULL OR state IN (SELECT value FROM json_each(@states)))
         AND (@from IS NULL OR created_at >= @from)
         AND (@to IS NULL OR created_at < @to)
         AND (@text IS NULL OR EXISTS (
               SELECT 1 FROM messages m WHERE m.session_id = s.id AND instr(m.text_folded, @text) > 0))
       ORDER BY created_at DESC, pk DESC LIMIT @limit`,
    ),
    countAccepted: db.prepare<[string, string, number], { n: number }>(
      'SELECT count(*) AS n FROM sessions WHERE site_id = ? AND agent_id = ? AND accepted_at >= ?',
    ),

    messageByClientId: db.prepare<[string, string], MessageRow>(
      'SELECT data, seq FROM messages WHERE session_id = ? AND client_id = ?',
    ),
    lastSeq: db.prepare<[string], { seq: number | null }>('SELECT max(seq) AS seq FROM messages WHERE session_id = ?'),
    // One statement: the next seq, or nothing (no row back) when the clientId is already in the session.
    appendMessage: db.prepare<[string, string, string, string, string], { seq: number }>(
      `INSERT INTO messages (session_id, seq, client_id, text_folded, data)
       SELECT ?, coalesce(max(seq), 0) + 1, ?, ?, ? FROM messages WHERE session_id = ?
       ON CONFLICT (session_id, client_id) DO NOTHING
       RETURNING seq`,
    ),
    messagesAsc: db.prepare<[string, number, number, number], MessageRow>(
      'SELECT data, seq FROM messages WHERE session_id = ? AND seq > ? AND seq < ? ORDER BY seq LIMIT ?',
    ),
    messagesDesc: db.prepare<[string, number, number, number], MessageRow>(
      'SELECT data, seq FROM messages WHERE session_id = ? AND seq > ? AND seq < ? ORDER BY seq DESC LIMIT ?',
    ),

    saveOffline: db.prepare(
      `INSERT INTO offline_messages (id, site_id, created_at, replied, data) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE
       SET site_id = excluded.site_id, created_at = excluded.created_at, replied = excluded.replied, data = excluded.data`,
    ),
    listOffline: db.prepare<Record<string, unknown>, Row>(
      `SELECT data FROM offline_messages WHERE site_id = @siteId AND (@replied IS NULL OR replied = @replied)
       ORDER BY created_at DESC, pk DESC LIMIT @limit`,
    ),
    getOffline: db.prepare<[string], Row>('SELECT data FROM offline_messages WHERE id = ?'),
  };

  const json = (value: unknown) => JSON.stringify(value);

  const appendEncoded: HubTables['appendEncoded'] = (sessionId, clientId, text, data) =>
    writeStatement((): Appended => {
      // Runs inside the batch transaction, one statement at a time: seq cannot race.
      const inserted = q.appendMessage.get(sessionId, clientId, (text ?? '').toLowerCase(), data, sessionId);
      if (inserted) return { seq: inserted.seq };
      const existing = q.messageByClientId.get(sessionId, clientId);
      if (!existing) throw new Error(`appendMessage: neither inserted nor found (${sessionId})`);
      return { existing: toMessage(existing) };
    });

  const store: Omit<Store, 'close'> = {
    getSite: (siteId) => read(() => parse(q.getSite.get(siteId))),
    listSites: () => read(() => parseAll(q.listSites.all())),
    saveSite: (site) => writeStatement(() => void q.saveSite.run(site.id, json(site))),

    getAgent: (agentId) => read(() => parse(q.getAgent.get(agentId))),
    listAgents: (siteId) => read(() => parseAll(q.listAgents.all(siteId))),
    saveAgent: (agent) => writeStatement(() => void q.saveAgent.run(agent.id, agent.siteId, agent.login, json(agent))),
    deleteAgent: (agentId) => writeStatement(() => void q.deleteAgent.run(agentId)),

    listGroups: (siteId) => read(() => parseAll(q.listGroups.all(siteId))),
    saveGroup: (group) => writeStatement(() => void q.saveGroup.run(group.id, group.siteId, json(group))),
    deleteGroup: (groupId) => writeStatement(() => void q.deleteGroup.run(groupId)),

    getVisitor: (siteId, visitorId) => read(() => parse(q.getVisitor.get(siteId, visitorId))),
    saveVisitor: (visitor) => writeStatement(() => void q.saveVisitor.run(visitor.siteId, visitor.id, json(visitor))),

    savePageView: (view) => writeStatement(() => void q.savePageView.run(view.id, view.siteId, view.visitorId, view.at, json(view))),
    listPageViews: (siteId, visitorId, limit) =>
      read(() => parseAll<PageViewRecord>(q.listPageViews.all(siteId, visitorId, limitOf(limit, -1))).reverse()),

    getSession: (sessionId) => read(() => parse(q.getSession.get(sessionId))),
    saveSession: (session) =>
      writeStatement(() => {
        q.saveSession.run({
          id: session.id,
          siteId: session.siteId,
          visitorId: session.visitorId,
          agentId: session.agentId ?? null,
          state: session.state,
          createdAt: session.createdAt,
          acceptedAt: session.acceptedAt ?? null,
          data: json(session),
        });
      }),
    listSessions: (query: SessionQuery) =>
      read(() =>
        parseAll(
          q.listSessions.all({
            siteId: query.siteId,
            visitorId: query.visitorId ?? null,
            agentId: query.agentId ?? null,
            states: query.states ? json(query.states) : null,
            from: query.from ?? null,
            to: query.to ?? null,
            // Folded the same way as the stored text; instr needs no LIKE escaping.
            text: query.text ? query.text.toLowerCase() : null,
            limit: limitOf(query.limit, DEFAULT_SESSION_LIMIT),
          }),
        ),
      ),
    countAcceptedSince: (siteId, agentId, since) => read(() => q.countAccepted.get(siteId, agentId, since)?.n ?? 0),

    appendMessage(message) {
      // The message as stored, copied now (not parsed back from the JSON written).
      const copy = storedCopy(message);
      return appendEncoded(message.sessionId, message.clientId, message.text, json(message)).then((appended) => asAppendResult(copy, appended));
    },
    listMessages: (sessionId, query = {}) =>
      read(() => {
        const after = query.afterSeq ?? 0;
        const before = query.beforeSeq ?? Number.MAX_SAFE_INTEGER;
        const limit = limitOf(query.limit, -1);
        // After a seq: the oldest ones (catching up); otherwise the newest ones (paging back).
        if (query.afterSeq !== undefined || limit === -1) return q.messagesAsc.all(sessionId, after, before, limit).map(toMessage);
        return q.messagesDesc.all(sessionId, after, before, limit).map(toMessage).reverse();
      }),
    lastSeq: (sessionId) => read(() => q.lastSeq.get(sessionId)?.seq ?? 0),

    saveOfflineMessage: (message) =>
      writeStatement(() => void q.saveOffline.run(message.id, message.siteId, message.createdAt, message.replied ? 1 : 0, json(message))),
    listOfflineMessages: (siteId, query = {}) =>
      read(() =>
        parseAll(
          q.listOffline.all({
            siteId,
            replied: query.replied === undefined ? null : query.replied ? 1 : 0,
            limit: limitOf(query.limit, DEFAULT_OFFLINE_LIMIT),
          }),
        ),
      ),
    getOfflineMessage: (id) => read(() => parse(q.getOffline.get(id))),
  };
  return { store, appendEncoded };
}

/** `appendMessage`'s answer, from the copy of the message appended and what the table said. */
export function asAppendResult(copy: NewMessage, appended: Appended): { message: Message; created: boolean } {
  return 'seq' in appended ? { message: { ...copy, seq: appended.seq }, created: true } : { message: appended.existing, created: false };
}

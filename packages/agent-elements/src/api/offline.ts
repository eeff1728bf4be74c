/**
 * Messages visitors left when nobody could chat (V6, S5): listed for the
 * site's agents and marked replied. The default calls a Parley server
 * (`GET /api/offline?replied=`, `POST /api/offline/:id/replied`);
 * {@link listOfflineMessages} keeps a list in the page (demos, tests).
 */
import type { OfflineMessage } from '@parley/core';
import { ApiError, postJson } from './http.js';

export interface OfflineMessageQuery {
  /** Only replied (`true`) or only not replied (`false`) messages; absent: both. */
  readonly replied?: boolean;
}

/** Loads and marks the site's left messages for the signed-in agent. */
export interface OfflineMessageService {
  /** The site's left messages, newest first. */
  list(query?: OfflineMessageQuery): Promise<readonly OfflineMessage[]>;
  /** Marks a message replied. */
  markReplied(id: string): Promise<void>;
}

/** {@link OfflineMessageService} over a Parley server's `GET /api/offline` and `POST /api/offline/:id/replied` (Bearer token). */
export function httpOfflineMessages(serverUrl: string, token: string, fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis)): OfflineMessageService {
  const base = `${serverUrl.replace(/\/+$/, '')}/api/offline`;
  return {
    async list(query = {}) {
      const url = query.replied === undefined ? base : `${base}?replied=${query.replied}`;
      const { offlineMessages } = await postJson<{ offlineMessages: OfflineMessage[] }>(fetchImpl, 'GET', url, undefined, token);
      return offlineMessages;
    },
    async markReplied(id) {
      await postJson<OfflineMessage>(fetchImpl, 'POST', `${base}/${encodeURIComponent(id)}/replied`, undefined, token);
    },
  };
}

/** {@link OfflineMessageService} over a list kept in the page (demos, tests); `add` puts a message in it. */
export function listOfflineMessages(messages: readonly OfflineMessage[] = []): OfflineMessageService & { add(message: OfflineMessage): void } {
  const kept = new Map(messages.map((m) => [m.id, m]));
  return {
    async list(query = {}) {
      return [...kept.values()]
        .filter((m) => query.replied === undefined || m.replied === query.replied)
        .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
    },
    async markReplied(id) {
      const message = kept.get(id);
      if (!message) throw new ApiError('not_found', 'The offline message does not exist.', 404);
      kept.set(id, { ...message, replied: true });
    },
    add(message) {
      kept.set(message.id, message);
    },
  };
}

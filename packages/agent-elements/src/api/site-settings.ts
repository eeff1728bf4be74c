/**
 * The automatic replies of a site (A9): the welcome message sent when an agent
 * takes a chat, and the reply sent when a visitor waits without an answer. They
 * live in the site's settings, which admins change through the server
 * (`PATCH /api/site`); the settings element takes the load and save functions.
 */
import { postJson } from './http.js';

export interface AutoReplySettings {
  /** Sent by the system when an agent takes the chat; absent: none. */
  readonly welcomeMessage?: string;
  /** After the visitor waits `afterSeconds` without an agent's answer, `text` is sent, at most `maxTimes` per chat. */
  readonly autoReply?: { readonly afterSeconds: number; readonly maxTimes: number; readonly text: string };
}

export type LoadAutoReplies = () => Promise<AutoReplySettings>;
/** Saves the settings; `undefined` fields are cleared. */
export type SaveAutoReplies = (settings: AutoReplySettings) => Promise<AutoReplySettings>;

function pick(settings: AutoReplySettings): AutoReplySettings {
  return {
    ...(settings.welcomeMessage !== undefined && { welcomeMessage: settings.welcomeMessage }),
    ...(settings.autoReply !== undefined && { autoReply: settings.autoReply }),
  };
}

/** Load and save through a Parley server's `GET/PATCH /api/site` (admins only). */
export function httpAutoReplies(
  serverUrl: string,
  token: string,
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
): { load: LoadAutoReplies; save: SaveAutoReplies } {
  const url = `${serverUrl.replace(/\/+$/, '')}/api/site`;
  return {
    async load() {
      const site = await postJson<{ settings: AutoReplySettings }>(fetchImpl, 'GET', url, undefined, token);
      return pick(site.settings);
    },
    async save(settings) {
      const site = await postJson<{ settings: AutoReplySettings }>(fetchImpl, 'PATCH', url, {
        settings: { welcomeMessage: settings.welcomeMessage ?? null, autoReply: settings.autoReply ?? null },
      }, token);
      return pick(site.settings);
    },
  };
}

/**
 * Canned replies, links and files (A5). The conversation panel searches them
 * through a {@link CannedSource} on every keystroke; the default one asks a
 * Parley server (`GET /api/canned?q=`), and an integrator may pass any other.
 */
import { postJson } from './http.js';

export interface CannedItem {
  readonly id: string;
  readonly kind: 'reply' | 'link' | 'file';
  readonly title: string;
  /** The reply's text, or a note going with a link or file. */
  readonly text?: string;
  /** The link, or the file's download URL. */
  readonly url?: string;
  /** Typed after `/` in the composer. */
  readonly shortcut?: string;
}

/** Items matching `query` (all when empty); `signal` aborts a search a newer keystroke replaced. */
export type CannedSource = (query: string, signal: AbortSignal) => Promise<readonly CannedItem[]>;

/** A {@link CannedSource} over a Parley server's `GET /api/canned?q=`. */
export function httpCannedSource(serverUrl: string, token: string, fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis)): CannedSource {
  const base = `${serverUrl.replace(/\/+$/, '')}/api/canned`;
  return async (query, signal) => {
    const url = query ? `${base}?q=${encodeURIComponent(query)}&limit=50` : `${base}?limit=50`;
    const { items } = await postJson<{ items: CannedItem[] }>(fetchImpl, 'GET', url, undefined, token, signal);
    return items;
  };
}

/** A {@link CannedSource} over a fixed list (demos, tests): title, text and shortcut are searched. */
export function listCannedSource(items: readonly CannedItem[]): CannedSource {
  return async (query) => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return items.filter((item) => {
      const hay = `${item.title}\n${item.text ?? ''}\n${item.shortcut ?? ''}\n${item.url ?? ''}`.toLowerCase();
      return words.every((word) => hay.includes(word));
    });
  };
}

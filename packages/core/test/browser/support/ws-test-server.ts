// The browser's handle on the ws test server that web-test-runner.config.mjs
// starts (support/ws-test-server.mjs).
import { executeServerCommand } from '@web/test-runner-commands';

export interface SeenByServer {
  readonly received: string[];
  readonly closed: { readonly code: number; readonly reason: string } | null;
}

const command = <R>(payload: Record<string, unknown>) => executeServerCommand<R, Record<string, unknown>>('parley-ws', payload);

let base: Promise<string> | undefined;

export const wsTestServer = {
  /** A fresh URL on the server; its tag names the connection in the other calls. */
  async url(tag: string): Promise<string> {
    base ??= command<string>({ action: 'url' });
    return `${await base}/${encodeURIComponent(tag)}`;
  },
  close: (tag: string, code: number, reason = '') => command<true>({ action: 'close', tag, code, reason }),
  drop: (tag: string) => command<true>({ action: 'drop', tag }),
  sendBinary: (tag: string, text: string) => command<true>({ action: 'send-binary', tag, text }),
  seen: (tag: string, options: { closed?: boolean } = {}) => command<SeenByServer>({ action: 'seen', tag, ...options }),
};

/** A tag no other test uses. */
export const uniqueTag = (name: string) => `${name}-${Math.random().toString(36).slice(2, 10)}`;

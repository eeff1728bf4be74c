/**
 * Real clients against a real server: `VisitorClient` and `AgentClient` over
 * `connectTo` (WebSocket through `ws`, or long-poll through `fetch`), and a
 * way to wait for what they report.
 */
import { AgentClient, connectTo, createMemoryStorage, VisitorClient, type ClientStorage, type FallbackKind } from '@parley/core';
import { WebSocket } from 'ws';

import { SITE_ID } from './server.js';

/** Fast timings so a lost link is noticed and retried within a test's time. */
const TIMING = { backoffBaseMs: 50, backoffMaxMs: 500, connectTimeoutMs: 5_000, pingIntervalMs: 2_000, pongTimeoutMs: 3_000, requestTimeoutMs: 8_000 };

export interface ClientOptions {
  readonly kind: FallbackKind | 'auto';
  readonly storage?: ClientStorage;
  readonly onConnected?: (kind: FallbackKind) => void;
  readonly navigate?: (url: string) => void;
}

export function makeVisitor(url: string, options: ClientOptions, siteId = SITE_ID): VisitorClient {
  const client = new VisitorClient({
    siteId,
    transport: connectTo(url, {
      siteId,
      WebSocket,
      transport: options.kind,
      openTimeoutMs: 2_000,
      ...(options.onConnected && { onConnected: options.onConnected }),
    }),
    storage: options.storage ?? createMemoryStorage(),
    timing: TIMING,
    typingThrottleMs: 50,
    ...(options.navigate && { navigate: options.navigate }),
  });
  client.connect();
  return client;
}

export function makeAgent(url: string, token: string, options: ClientOptions): AgentClient {
  const client = new AgentClient({
    token,
    transport: connectTo(url, { role: 'agent', WebSocket, transport: options.kind, openTimeoutMs: 2_000 }),
    storage: options.storage ?? createMemoryStorage(),
    timing: TIMING,
  });
  client.connect();
  return client;
}

/** Polls `predicate` until it holds; fails with `what` after `ms`. */
export async function until(what: string, predicate: () => boolean, ms = 10_000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Resolves with the next event of a type that passes `filter`. */
export function nextEvent<T>(on: (handler: (event: T) => void) => () => void, filter: (event: T) => boolean = () => true, ms = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error('timed out waiting for an event'));
    }, ms);
    const off = on((event) => {
      if (!filter(event)) return;
      clearTimeout(timer);
      off();
      resolve(event);
    });
  });
}

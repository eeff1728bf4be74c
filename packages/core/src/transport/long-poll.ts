/**
 * HTTP long-poll: the same frames as the WebSocket transport, carried by plain
 * requests, for networks where WebSocket is blocked (some proxies, firewalls).
 *
 * ## Wire format (long-poll v1)
 *
 * Every body is JSON; requests are sent as `text/plain` so that a cross-origin
 * page needs no CORS preflight. Frames travel as JSON strings, exactly as they
 * would in a WebSocket text message.
 *
 * | Request | Body | Answer |
 * | --- | --- | --- |
 * | `POST <base>?<query>` — open a channel | none | `200 {"id", "pollMs"}`; `403` origin refused, `404` unknown site, `429` too many channels |
 * | `GET <base>/<id>?cursor=<n>` — poll | none | `200 {"cursor", "frames", "close"?}`, held up to `pollMs` when nothing is queued |
 * | `POST <base>/<id>` — send | `{"seq", "frames"}` | `200 {"received"}` |
 * | `POST <base>/<id>/close?code=&reason=` — close | none | `204` |
 *
 * - The server numbers the frames it sends from 1. A poll says the last number
 *   the client holds (`cursor`); the answer's `cursor` is the number of its last
 *   frame, so its frames are numbered `cursor - frames.length + 1 … cursor`. The
 *   server keeps frames until a later poll acknowledges them, so a poll lost on
 *   the way loses nothing: the next poll asks again from the same cursor.
 * - The client numbers the frames it sends from 1 (`seq` is the number of the
 *   first frame of the body); the server skips numbers it has already received,
 *   so a send retried after a lost answer never delivers a frame twice. The
 *   answer's `received` is the highest number the server holds.
 * - `close` in a poll answer ends the channel after its frames, with the
 *   server's close code and reason. `404` means the channel expired or never
 *   existed: the transport closes with `1006` and the client reconnects.
 */
import type { Transport, TransportCloseEvent, TransportFactory, TransportListener } from './transport.js';
import { CLOSE_CODES } from './transport.js';

/** What the transport passes to `fetch`: a subset of the standard `RequestInit`. */
export interface LongPollRequestInit {
  readonly method: 'GET' | 'POST';
  readonly headers: Record<string, string>;
  readonly body?: string;
  /** Set on the close request, so it completes while the page unloads. */
  readonly keepalive?: boolean;
}

/** What the transport reads from a response: a subset of the standard `Response`. */
export interface LongPollResponse {
  readonly status: number;
  text(): Promise<string>;
}

/**
 * A `fetch` function. The global `fetch` of browsers and Node ≥ 18 fits (the
 * method form makes the parameter check bivariant, so richer `RequestInit`
 * types are accepted).
 */
export type FetchLike = {
  bivarianceHack(url: string, init: LongPollRequestInit): Promise<LongPollResponse>;
}['bivarianceHack'];

export interface LongPollTransportOptions {
  /** The `fetch` to use; defaults to the global one. */
  readonly fetch?: FetchLike;
  /**
   * How long requests that fail (network error, 5xx) are retried, counted from
   * the first failure in a row, before the transport closes with `1006`. Default 20 000 ms.
   */
  readonly retryMs?: number;
  /** Extra headers sent with every request. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Shape of the open answer. */
interface OpenAnswer {
  readonly id: string;
  readonly pollMs: number;
}

/** Shape of a poll answer. */
interface PollAnswer {
  readonly cursor: number;
  readonly frames: readonly string[];
  readonly close?: { readonly code: number; readonly reason: string };
}

const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 4_000;
/** A poll answer may take `pollMs`; one that takes this much longer is taken for lost. */
const POLL_GRACE_MS = 15_000;

/**
 * Makes a {@link TransportFactory} that talks the long-poll wire format above
 * to `baseUrl` (e.g. `https://chat.example.com/parley/poll?siteId=site_1`; for
 * agents `…/parley/poll?role=agent`). Each connection attempt opens a new channel.
 *
 * Like every transport it keeps the {@link Transport} contract: `open` once the
 * channel exists, frames in order and exactly once, `close` listeners called
 * exactly once, nothing thrown; `send` before `open` or after close does nothing.
 *
 * @throws TypeError when no `fetch` is given and there is no global one.
 */
export function createLongPollTransport(baseUrl: string, options: LongPollTransportOptions = {}): TransportFactory {
  const doFetch = options.fetch ?? (typeof fetch === 'undefined' ? undefined : fetch);
  if (!doFetch) throw new TypeError('createLongPollTransport: there is no global fetch here; pass one in the options.');
  const config: Config = {
    base: baseUrl,
    fetch: doFetch,
    retryMs: options.retryMs ?? 20_000,
    headers: { 'content-type': 'text/plain;charset=UTF-8', ...options.headers },
  };
  return () => new LongPollTransport(config);
}

interface Config {
  readonly base: string;
  readonly fetch: FetchLike;
  readonly retryMs: number;
  readonly headers: Record<string, string>;
}

/** A request's outcome: a parsed answer, or why there is none. */
type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly retry: true }
  | { readonly ok: false; readonly retry: false; readonly close: TransportCloseEvent };

class LongPollTransport implements Transport {
  readonly #config: Config;
  readonly #listeners = new Set<TransportListener>();
  #state: 'opening' | 'open' | 'closed' = 'opening';
  #finished = false;
  /** The channel's URL, without query, once open. */
  #channel = '';
  #pollMs = 25_000;
  /** Number of the last frame received from the server. */
  #cursor = 0;
  /** Frames not yet acknowledged by the server; the first has number `#outboxFirst`. */
  #outbox: string[] = [];
  #outboxFirst = 1;
  #posting = false;
  /** When the current run of failed requests began (0: none). */
  #failingSince = 0;

  constructor(config: Config) {
    this.#config = config;
    void this.#open();
  }

  send(data: string): void {
    if (this.#state !== 'open') return;
    this.#outbox.push(data);
    if (!this.#posting) {
      this.#posting = true;
      // Frames sent in the same tick go in one request.
      queueMicrotask(() => void this.#flush());
    }
  }

  close(code: number = CLOSE_CODES.normal, reason = ''): void {
    if (this.#state === 'closed') return;
    const wasOpen = this.#state === 'open';
    this.#state = 'closed';
    if (wasOpen) {
      // Tell the server, which also answers the held poll at once. Best effort.
      const url = `${this.#channel}/close?code=${code}&reason=${encodeURIComponent(reason.slice(0, 123))}`;
      this.#config
        .fetch(url, { method: 'POST', headers: this.#config.headers, keepalive: true })
        .then((response) => response.text())
        .catch(ignore);
    }
    queueMicrotask(() => this.#finish({ code, reason }));
  }

  listen(listener: TransportListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  // ── the three loops: open, poll, post ─────────────────────────────────────

  async #open(): Promise<void> {
    const base = this.#config.base;
    for (;;) {
      const outcome = await this.#request<OpenAnswer>(base, { method: 'POST', headers: this.#config.headers }, isOpenAnswer);
      if (this.#state !== 'opening') return;
      if (outcome.ok) {
        const query = base.indexOf('?');
        this.#channel = `${query < 0 ? base : base.slice(0, query)}/${encodeURIComponent(outcome.value.id)}`;
        this.#pollMs = outcome.value.pollMs;
        this.#state = 'open';
        for (const l of [...this.#listeners]) l.open?.();
        void this.#poll();
        return;
      }
      if (!(await this.#mayRetry(outcome))) return;
    }
  }

  async #poll(): Promise<void> {
    while (this.#state === 'open') {
      const outcome = await this.#request<PollAnswer>(
        `${this.#channel}?cursor=${this.#cursor}`,
        { method: 'GET', headers: this.#config.headers },
        isPollAnswer,
        this.#pollMs + POLL_GRACE_MS,
      );
      if (this.#state !== 'open') return;
      if (!outcome.ok) {
        if (await this.#mayRetry(outcome)) continue;
        return;
      }
      const { cursor, frames, close } = outcome.value;
      let number = cursor - frames.length;
      for (const frame of frames) {
        number++;
        if (number <= this.#cursor) continue;
        this.#cursor = number;
        for (const l of [...this.#listeners]) l.message?.(frame);
        if (this.#state !== 'open') return;
      }
      if (close) {
        this.#state = 'closed';
        this.#finish({ code: close.code, reason: close.reason });
        return;
      }
    }
  }

  async #flush(): Promise<void> {
    while (this.#state === 'open' && this.#outbox.length > 0) {
      const frames = takeBatch(this.#outbox);
      const body = JSON.stringify({ seq: this.#outboxFirst, frames });
      const outcome = await this.#request<{ received: number }>(
        this.#channel,
        { method: 'POST', headers: this.#config.headers, body },
        isSendAnswer,
      );
      if (this.#state !== 'open') break;
      if (!outcome.ok) {
        if (await this.#mayRetry(outcome)) continue;
        break;
      }
      const acknowledged = Math.min(outcome.value.received - this.#outboxFirst + 1, this.#outbox.length);
      if (acknowledged > 0) {
        this.#outbox.splice(0, acknowledged);
        this.#outboxFirst += acknowledged;
      }
    }
    this.#posting = false;
  }

  // ── plumbing ──────────────────────────────────────────────────────────────

  /** Makes one request and reads its JSON answer; never throws. */
  async #request<T>(
    url: string,
    init: LongPollRequestInit,
    check: (value: unknown) => value is T,
    timeoutMs = this.#config.retryMs,
  ): Promise<Outcome<T>> {
    let timer: unknown;
    const timeout = new Promise<Outcome<T>>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, retry: true }), timeoutMs);
    });
    const attempt = (async (): Promise<Outcome<T>> => {
      try {
        const response = await this.#config.fetch(url, init);
        const text = await response.text();
        if (response.status === 200) {
          const value: unknown = JSON.parse(text);
          if (check(value)) {
            this.#failingSince = 0;
            return { ok: true, value };
          }
          return { ok: false, retry: false, close: { code: CLOSE_CODES.protocolError, reason: 'bad long-poll answer' } };
        }
        return statusOutcome(response.status, text);
      } catch {
        return { ok: false, retry: true };
      }
    })();
    try {
      return await Promise.race([attempt, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** After a failed request: waits and returns true to retry, or closes and returns false. */
  async #mayRetry(outcome: Extract<Outcome<unknown>, { ok: false }>): Promise<boolean> {
    if (this.#state === 'closed') return false;
    if (!outcome.retry) {
      this.#fail(outcome.close);
      return false;
    }
    const now = Date.now();
    if (this.#failingSince === 0) this.#failingSince = now;
    const failingFor = now - this.#failingSince;
    if (failingFor >= this.#config.retryMs) {
      this.#fail({ code: CLOSE_CODES.abnormal, reason: 'connection lost' });
      return false;
    }
    const delay = Math.min(RETRY_MAX_MS, Math.max(RETRY_FIRST_MS, failingFor));
    await new Promise<void>((resolve) => setTimeout(resolve, delay));
    return this.#alive();
  }

  /** Not closed (a method, so checks after an `await` are not narrowed away). */
  #alive(): boolean {
    return this.#state !== 'closed';
  }

  #fail(event: TransportCloseEvent): void {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    for (const l of [...this.#listeners]) l.error?.(new Error(`long-poll: ${event.reason || event.code}`));
    this.#finish(event);
  }

  /** Calls the close listeners, once. */
  #finish(event: TransportCloseEvent): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#outbox = [];
    const listeners = [...this.#listeners];
    this.#listeners.clear();
    for (const l of listeners) l.close?.(event);
  }
}

/** Most characters of frames one send request carries (servers accept at least 1 MiB bodies). */
const BATCH_CHARS = 512 * 1024;

/** The first frames of the outbox that fit in one request; at least one. */
function takeBatch(outbox: readonly string[]): string[] {
  let chars = 0;
  let count = 0;
  while (count < outbox.length) {
    chars += outbox[count]!.length;
    if (count > 0 && chars > BATCH_CHARS) break;
    count++;
  }
  return outbox.slice(0, count);
}

/** Maps an HTTP status other than 200 to retry-or-close. */
function statusOutcome(status: number, text: string): Outcome<never> {
  const reason = readReason(text);
  switch (status) {
    case 403:
      return { ok: false, retry: false, close: { code: CLOSE_CODES.policyViolation, reason: reason || 'origin not allowed' } };
    case 404:
    case 410:
      return { ok: false, retry: false, close: { code: CLOSE_CODES.abnormal, reason: reason || 'long-poll channel gone' } };
    case 413:
      return { ok: false, retry: false, close: { code: CLOSE_CODES.tooLarge, reason: reason || 'too large' } };
    case 429:
      return { ok: false, retry: false, close: { code: CLOSE_CODES.rateLimited, reason: reason || 'rate limited' } };
    default:
      if (status >= 500 || status === 408) return { ok: false, retry: true };
      return { ok: false, retry: false, close: { code: CLOSE_CODES.protocolError, reason: reason || `HTTP ${status}` } };
  }
}

/** The `reason` of an error body `{"error": …, "reason": …}`, if any. */
function readReason(text: string): string {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && typeof (value as { reason?: unknown }).reason === 'string') {
      return (value as { reason: string }).reason.slice(0, 123);
    }
  } catch {
    // Not JSON: no reason.
  }
  return '';
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function isOpenAnswer(value: unknown): value is OpenAnswer {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    value.id.length > 0 &&
    value.id.length <= 128 &&
    typeof value.pollMs === 'number' &&
    value.pollMs > 0 &&
    value.pollMs <= 120_000
  );
}

function isPollAnswer(value: unknown): value is PollAnswer {
  if (!isRecord(value) || !Number.isSafeInteger(value.cursor) || !Array.isArray(value.frames)) return false;
  if (!value.frames.every((f) => typeof f === 'string')) return false;
  if (value.frames.length > (value.cursor as number)) return false;
  const close = value.close;
  return close === undefined || (isRecord(close) && typeof close.code === 'number' && typeof close.reason === 'string');
}

function isSendAnswer(value: unknown): value is { received: number } {
  return isRecord(value) && Number.isSafeInteger(value.received);
}

function ignore(): void {}

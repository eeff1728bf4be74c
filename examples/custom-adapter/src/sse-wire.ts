/**
 * The wire format of this example's transport, in one place: both ends import it.
 *
 * Hub → client: one long `GET` answered as Server-Sent Events
 * (`text/event-stream`). Client → hub: one `POST` per frame.
 *
 * | Request | Body | Answer |
 * | --- | --- | --- |
 * | `GET /parley/sse` — open a connection | none | a stream of events (below) |
 * | `POST /parley/sse/<id>?seq=<n>` — send frame number n | the frame's JSON text | `202`; `404` no such connection; `409` too far ahead; `413` too large |
 *
 * The stream's events:
 *
 * - `event: open` + `data: {"id": "…"}` — first, once: the connection's id,
 *   which the client puts in its POST URLs. 144 random bits: knowing the id
 *   is what lets a request speak for the connection, so it must be unguessable.
 * - `data: <frame>` (the default `message` event) — one hub frame each.
 * - `event: close` + `data: {"code": n, "reason": "…"}` — last: the hub closed
 *   the connection. A stream that ends without it was dropped (code 1006).
 * - `: …` comment lines — keep-alives for proxies; ignored.
 *
 * The client numbers its frames from 1 (`seq`). HTTP requests may overtake
 * each other (several connections in a pool, a retried request), so the
 * server hands frames to the hub in `seq` order and exactly once: it holds
 * early ones until the gap is filled and skips numbers it already has.
 *
 * SSE's own resume (`Last-Event-ID`) is not used: a new stream is a new hub
 * connection, and the Parley client resumes at the protocol level (its `hello`
 * carries the last message `seq` it saw), which works for every transport.
 */

/** Where the example serves its transport. */
export const SSE_PATH = '/parley/sse';

/** Largest frame a client may POST, in bytes (the reference server's default too). */
export const MAX_FRAME_BYTES = 256 * 1024;

/**
 * How many frames a client may have in flight at once; the server holds at
 * most {@link MAX_AHEAD} early frames, which must be at least this.
 */
export const MAX_IN_FLIGHT = 4;

/** How far past the next expected `seq` the server holds a frame. */
export const MAX_AHEAD = 16;

/** One Server-Sent Event: `event` is `message` when the stream named none. */
export interface SseEvent {
  readonly event: string;
  readonly data: string;
}

/**
 * Writes one event. Data with line breaks becomes several `data:` lines, which
 * the reader joins again (Parley's frames are single-line JSON anyway).
 */
export function encodeEvent(event: string, data: string): string {
  const head = event === 'message' ? '' : `event: ${event}\n`;
  return `${head}data: ${data.split('\n').join('\ndata: ')}\n\n`;
}

/** A comment line: readers ignore it, proxies see traffic. */
export const KEEP_ALIVE = ': keep-alive\n\n';

/** Longest line a reader keeps (a frame is at most 256 Ki characters); a longer one is refused. */
const MAX_LINE_CHARS = 1024 * 1024;

/**
 * Reads an event stream chunk by chunk, as `EventSource` does (the subset
 * Parley needs: `event`, `data`, comments; `\n` or `\r\n` line ends).
 */
export class SseParser {
  readonly #decoder = new TextDecoder();
  #buffer = '';
  #event = '';
  #data: string[] = [];

  /**
   * Feeds bytes as they arrive; returns the events they completed.
   *
   * @throws RangeError when a line grows past 1 MiB, so a broken or hostile
   * server cannot make the reader's memory grow without bound.
   */
  push(chunk: Uint8Array): SseEvent[] {
    // `stream: true` keeps a character split across two chunks whole.
    this.#buffer += this.#decoder.decode(chunk, { stream: true });
    const events: SseEvent[] = [];
    let end: number;
    while ((end = this.#buffer.indexOf('\n')) >= 0) {
      let line = this.#buffer.slice(0, end);
      this.#buffer = this.#buffer.slice(end + 1);
      if (line.endsWith('\r')) line = line.slice(0, -1);
      if (line === '') {
        // A blank line ends an event; one without data is not dispatched.
        if (this.#data.length > 0) events.push({ event: this.#event || 'message', data: this.#data.join('\n') });
        this.#event = '';
        this.#data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') this.#event = value;
      else if (field === 'data') this.#data.push(value);
      // `id` and `retry` are not used (see the file's comment).
    }
    if (this.#buffer.length > MAX_LINE_CHARS) throw new RangeError('An event-stream line is too long.');
    return events;
  }
}

/**
 * What carries frames between a client and the hub. Browser `WebSocket`, `ws`,
 * long-poll and the in-memory pair all fit behind it; clients receive a
 * {@link TransportFactory} and never build sockets themselves.
 */
export interface Transport {
  /** Sends one frame. Frames sent before `open` are queued by the transport or dropped; clients wait for `open`. */
  send(data: string): void;
  /** Closes for good; `close` listeners are then called once. */
  close(code?: number, reason?: string): void;
  /** Subscribes to the transport's events; returns the unsubscribe function. */
  listen(listener: TransportListener): () => void;
}

export interface TransportListener {
  open?(): void;
  message?(data: string): void;
  /** Called once, whether the close came from this end, the far end or the network. */
  close?(event: TransportCloseEvent): void;
  error?(error: unknown): void;
}

export interface TransportCloseEvent {
  readonly code: number;
  readonly reason: string;
}

/** Makes a fresh transport for each connection attempt. */
export type TransportFactory = () => Transport;

/** Close codes Parley uses, after the WebSocket ones. */
export const CLOSE_CODES = {
  normal: 1000,
  goingAway: 1001,
  protocolError: 1002,
  /** The connection dropped without a close (network loss). */
  abnormal: 1006,
  policyViolation: 1008,
  tooLarge: 1009,
  serverError: 1011,
  /** Authentication failed; do not retry with the same credentials. */
  authFailed: 4001,
  /** The protocol version is not spoken. */
  protocolVersion: 4002,
  /** Too many frames; the client may come back later. */
  rateLimited: 4008,
  /** The reader did not keep up; it may reconnect and resume. */
  slowConsumer: 4009,
  /** The heartbeat stopped. */
  heartbeatTimeout: 4010,
} as const;

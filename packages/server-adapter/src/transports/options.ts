/** Limits every server transport applies, and their defaults. */
import type { RateLimit } from './rate-limit.js';

/** Size limits of the transports. */
export interface TransportLimits {
  /** Largest inbound frame, in UTF-8 bytes. WebSocket closes with 1009 beyond it; long-poll answers 413 and closes with 1009. Default 256 KiB. */
  readonly frameBytes: number;
  /** Outbound bytes a connection may have waiting (unsent, or not yet polled) before it is closed with 4009. Default 1 MiB. */
  readonly bufferedBytes: number;
  /** Largest long-poll request body. Default 2 MiB. */
  readonly pollBodyBytes: number;
}

/** Rate limits of the transports. */
export interface TransportRateLimits {
  /** Inbound frames per connection. Frames over it are refused with a `rate_limited` error. Default 20/s, burst 60. */
  readonly frames: RateLimit;
  /** Refused frames per connection: when this bucket is empty too, the connection is closed with 4008. Default 1/s, burst 30. */
  readonly refusals: RateLimit;
  /** New connections (WebSockets and long-poll channels) per client IP and minute; 0 turns the limit off. Default 300. */
  readonly connectionsPerMinute: number;
  /** New connections per IP allowed at once. Default 100. */
  readonly connectionBurst: number;
}

/** The default {@link TransportLimits}: 256 KiB frames, 1 MiB buffered per connection, 2 MiB long-poll bodies. */
export const DEFAULT_LIMITS: TransportLimits = {
  frameBytes: 256 * 1024,
  bufferedBytes: 1024 * 1024,
  pollBodyBytes: 2 * 1024 * 1024,
};

/** The default {@link TransportRateLimits}: 20 frames/s (burst 60), 30 refusals (1/s), 300 new connections per IP and minute (burst 100). */
export const DEFAULT_RATE_LIMITS: TransportRateLimits = {
  frames: { perSecond: 20, burst: 60 },
  refusals: { perSecond: 1, burst: 30 },
  connectionsPerMinute: 300,
  connectionBurst: 100,
};

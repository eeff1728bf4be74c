/** The server's transports: WebSocket and long-poll, with their shared Origin check and limits. */
export { attachWebSocketGateway, type WebSocketGateway, type WebSocketGatewayOptions } from './websocket.js';
export { createLongPollGateway, type LongPollGateway, type LongPollGatewayOptions } from './long-poll.js';
export { createOriginPolicy, type OriginPolicy, type OriginPolicyOptions, type OriginVerdict } from './origin-policy.js';
export { createIpLimiter, TokenBucket, type IpLimiter, type RateLimit } from './rate-limit.js';
export { DEFAULT_LIMITS, DEFAULT_RATE_LIMITS, type TransportLimits, type TransportRateLimits } from './options.js';
export { parseTarget, type ConnectionTarget } from './target.js';
export type { AcceptConnection, ConnectionInfo } from './request-info.js';

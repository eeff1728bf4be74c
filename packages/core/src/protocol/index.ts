export { PROTOCOL_VERSION } from './version.js';
export { LIMITS } from './limits.js';
export { ERROR_CODES, type ErrorCode } from './error-codes.js';
export {
  decodeClientFrame,
  decodeServerFrame,
  decodeVisitorFrame,
  decodeAgentFrame,
  decodeAckResult,
  encodeFrame,
} from './decode.js';
export type { Decoded, DecodeFailure } from './decode.js';
export type * from './model.js';
export { AGENT_STATUSES, AVAILABILITIES, SESSION_STATES, ROLES } from './model.js';
export type * from './client-frames.js';
export type * from './server-frames.js';

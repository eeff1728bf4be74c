/**
 * Stable error codes. They appear in `error` frames and on `ParleyError.code`;
 * integrators may branch on them. Documented in `docs/protocol.md#errors`.
 */
export const ERROR_CODES = {
  /** The frame is not JSON, not an object, or its fields do not match its type. */
  badFrame: 'bad_frame',
  /** The frame's `type` is not one this peer knows, or not one this actor may send. */
  unknownType: 'unknown_type',
  /** The frame is larger than the limit. */
  frameTooLarge: 'frame_too_large',
  /** `hello` carried a protocol version the hub does not speak. */
  protocolVersion: 'protocol_version',
  /** A command came before `hello` was accepted, or `hello` came twice. */
  unauthenticated: 'unauthenticated',
  /** The token, password or signature did not verify. */
  authFailed: 'auth_failed',
  /**
   * The actor may not do this: an object of its own site it has no right to (another
   * agent's chat, a role without the permission), or a refused origin at `hello`.
   * Another visitor's or another site's objects answer `not_found` instead.
   */
  forbidden: 'forbidden',
  /** The site, session, visitor, agent, invite or transfer does not exist (or not for this actor). */
  notFound: 'not_found',
  /** The command does not fit the current state (e.g. accepting a session that is already active). */
  invalidState: 'invalid_state',
  /** Nobody can take the chat now; leave a message instead. */
  noAgentAvailable: 'no_agent_available',
  /** A transfer was asked for but no other agent can take the session. */
  transferUnavailable: 'transfer_unavailable',
  /** The visitor has left the site. */
  visitorGone: 'visitor_gone',
  /** A page push to an origin the site does not allow. */
  originNotAllowed: 'origin_not_allowed',
  /** Too many frames or requests; slow down. */
  rateLimited: 'rate_limited',
  /** A pre-chat or offline form lacks a required field or has an invalid value. */
  invalidForm: 'invalid_form',
  /** The client side: the request was not answered in time or the connection closed first. */
  timeout: 'timeout',
  /** The client side: the client was closed. */
  closed: 'closed',
  /** Something failed inside the hub; the connection carries on. */
  internal: 'internal',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

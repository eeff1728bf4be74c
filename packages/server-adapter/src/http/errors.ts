/**
 * API errors: every failure answers `{ "error": { "code", "message" } }` with
 * a status that fits. Codes are stable; integrators may branch on them.
 */

/** The stable error codes of the HTTP API, with their usual status. */
export const API_ERRORS = {
  bad_request: 400,
  invalid_json: 400,
  unauthorized: 401,
  bad_credentials: 401,
  code_required: 401,
  bad_code: 401,
  forbidden: 403,
  ip_not_allowed: 403,
  disabled: 403,
  origin_not_allowed: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  locked: 429,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

/** One of {@link API_ERRORS}' codes. */
export type ApiErrorCode = keyof typeof API_ERRORS;

/** A failure to answer with; thrown by handlers and turned into a response by the API. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly status: number;
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    /** Extra response headers (`Retry-After`, `Allow`, `WWW-Authenticate`). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.status = API_ERRORS[code];
  }
}

/** A 400 for a field that is missing or wrong. */
export const badRequest = (message: string) => new HttpError('bad_request', message);

/** A 404 that says the same for "missing" and "not yours", so ids of other sites stay unknown. */
export const notFound = (what = 'This') => new HttpError('not_found', `${what} was not found.`);

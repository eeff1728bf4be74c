import { ERROR_CODES, type ErrorCode } from './protocol/error-codes.js';

/**
 * The one error type Parley throws or rejects with. Branch on `code`, which is
 * stable (see `docs/protocol.md#errors`); `message` is for people.
 */
export class ParleyError extends Error {
  override readonly name = 'ParleyError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The command that failed, when the error answers one. */
    readonly command?: string,
  ) {
    super(message);
  }
}

/** Any rejection as a ParleyError (`internal` for what is not one). */
export const asParleyError = (error: unknown): ParleyError =>
  error instanceof ParleyError ? error : new ParleyError(ERROR_CODES.internal, String(error));

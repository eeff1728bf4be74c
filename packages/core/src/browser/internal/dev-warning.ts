/**
 * Dev-mode warnings of the browser helpers, once per code per page, in the same
 * form as the clients' (`src/client/dev-warnings.ts`). Codes are listed in
 * `docs/warnings.md`. Quiet in production (see `internal/dev-mode.ts`).
 */
import { issueWarning } from '../../internal/dev-mode.js';

export const BROWSER_WARNINGS = {
  /** IndexedDB is missing or refused to open; the storage keeps everything in memory. */
  indexedDbUnavailable: 'indexeddb-unavailable',
} as const;
export type BrowserWarningCode = (typeof BROWSER_WARNINGS)[keyof typeof BROWSER_WARNINGS];

export const warnOnce: (code: BrowserWarningCode, message: string) => void = issueWarning;

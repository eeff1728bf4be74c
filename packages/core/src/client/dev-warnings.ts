/**
 * The clients' dev-mode warnings for soft misuse, each issued once, with a
 * stable code that has an entry in `docs/warnings.md`. Quiet in production
 * (see `internal/dev-mode.ts`).
 */
import { issueWarning } from '../internal/dev-mode.js';

export const WARNINGS = {
  /** `trackPageView` got a URL that is not absolute http(s) or is too long; the view was dropped. */
  pageViewDropped: 'page-view-dropped',
  /** A text was longer than the protocol allows and was cut. */
  textTruncated: 'text-truncated',
  /** A method needing an open chat was called when there is none. */
  noSession: 'no-session',
} as const;
export type WarningCode = (typeof WARNINGS)[keyof typeof WARNINGS];

export const warnOnce: (code: WarningCode, message: string) => void = issueWarning;

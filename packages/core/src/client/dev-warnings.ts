/**
 * Dev-mode warnings for soft misuse, each once per code. Codes are listed in
 * `docs/warnings.md`. Bundlers that define `process.env.NODE_ENV` as
 * `"production"` remove the calls' bodies.
 */
declare const process: { env: { NODE_ENV?: string } } | undefined;

export const WARNINGS = {
  /** `trackPageView` got a URL that is not absolute http(s) or is too long; the view was dropped. */
  pageViewDropped: 'page-view-dropped',
  /** A text was longer than the protocol allows and was cut. */
  textTruncated: 'text-truncated',
  /** A method needing the current session was called when there is none. */
  noSession: 'no-session',
} as const;
export type WarningCode = (typeof WARNINGS)[keyof typeof WARNINGS];

const DEV_MODE = typeof process === 'undefined' || process.env.NODE_ENV !== 'production';
const issued = new Set<WarningCode>();

export function warnOnce(code: WarningCode, message: string): void {
  if (!DEV_MODE || issued.has(code)) return;
  issued.add(code);
  console.warn(`Parley [${code}]: ${message}`);
}

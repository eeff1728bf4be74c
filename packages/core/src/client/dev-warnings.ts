/**
 * Dev-mode warnings for soft misuse, each issued once per code, with a stable
 * code meant to have an entry in the docs (`docs/warnings.md`).
 *
 * Dev mode is on unless `process.env.NODE_ENV` is `"production"`. Bundlers that
 * define `process.env.NODE_ENV` turn the check into a constant and drop the
 * warnings from production builds; in a browser without such a define the
 * lookup fails and dev mode stays on.
 */
declare const process: { readonly env: { readonly NODE_ENV?: string } };

export const WARNINGS = {
  /** `trackPageView` got a URL that is not absolute http(s) or is too long; the view was dropped. */
  pageViewDropped: 'page-view-dropped',
  /** A text was longer than the protocol allows and was cut. */
  textTruncated: 'text-truncated',
  /** A method needing an open chat was called when there is none. */
  noSession: 'no-session',
} as const;
export type WarningCode = (typeof WARNINGS)[keyof typeof WARNINGS];

const DEV_MODE: boolean = (() => {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return true;
  }
})();

const issued = new Set<WarningCode>();

export function warnOnce(code: WarningCode, message: string): void {
  if (!DEV_MODE || issued.has(code)) return;
  issued.add(code);
  console.warn(`Parley [${code}]: ${message}`);
}

/**
 * Dev-mode warnings of the browser helpers, once per code per page, in the same
 * form as the clients' (`src/client/dev-warnings.ts`). Codes are listed in
 * `docs/warnings.md`. Bundlers that define `process.env.NODE_ENV` as
 * `"production"` remove the calls' bodies.
 */
declare const process: { env: { NODE_ENV?: string } } | undefined;

export const BROWSER_WARNINGS = {
  /** IndexedDB is missing or refused to open; the storage keeps everything in memory. */
  indexedDbUnavailable: 'indexeddb-unavailable',
} as const;
export type BrowserWarningCode = (typeof BROWSER_WARNINGS)[keyof typeof BROWSER_WARNINGS];

const DEV_MODE = typeof process === 'undefined' || process.env.NODE_ENV !== 'production';
const issued = new Set<BrowserWarningCode>();

export function warnOnce(code: BrowserWarningCode, message: string): void {
  if (!DEV_MODE || issued.has(code)) return;
  issued.add(code);
  console.warn(`Parley [${code}]: ${message}`);
}

/**
 * Dev mode, and the one place that issues dev-mode warnings, once per code:
 * `Parley [code]: see docs/warnings.md` followed by what the warning is about
 * (a URL, a method's name, an error). The codes are {@link WarningCode}; each has
 * an entry in `docs/warnings.md`, which explains it, so the bundle carries no
 * prose for them.
 *
 * Dev mode is on unless `process.env.NODE_ENV` is `"production"`. The lookup is
 * guarded, so a page without `process` (a browser without a bundler's define)
 * runs in dev mode rather than failing; a bundle that defines `process.env.NODE_ENV`
 * as `"production"` is quiet. Bundlers cannot fold a guarded lookup away, hence
 * the short calls.
 */
declare const process: { readonly env: { readonly NODE_ENV?: string } };

/** Every dev-mode warning; `docs/warnings.md` has an entry for each. */
export type WarningCode =
  /** `VisitorClient.trackPageView` got a URL that is not absolute http(s), or is too long; the view was dropped. */
  | 'page-view-dropped'
  /** A draft was longer than the protocol allows and was cut. */
  | 'text-truncated'
  /** A `VisitorClient` method that needs an open chat was called when there is none. */
  | 'no-session'
  /** IndexedDB is missing or refused to open; the storage keeps everything in memory. */
  | 'indexeddb-unavailable';

export const DEV_MODE: boolean = (() => {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return true;
  }
})();

const issued = new Set<string>();

export function warnOnce(code: WarningCode, detail: unknown): void {
  if (!DEV_MODE || issued.has(code)) return;
  issued.add(code);
  console.warn(`Parley [${code}]: see docs/warnings.md`, detail);
}

/**
 * Dev mode, and the one place that issues dev-mode warnings (`Parley [code]:
 * message`, once per code). The clients and the browser helpers each list their
 * codes (`client/dev-warnings.ts`, `browser/internal/dev-warning.ts`); every
 * code has an entry in `docs/warnings.md`.
 *
 * Dev mode is on unless `process.env.NODE_ENV` is `"production"`. The lookup is
 * guarded, so a page without `process` (a browser without a bundler's define)
 * runs in dev mode rather than failing; a bundle that defines `process.env.NODE_ENV`
 * as `"production"` is quiet. The guard is also why bundlers keep the warnings'
 * text in such a bundle (they cannot see through `try`): keep messages short.
 */
declare const process: { readonly env: { readonly NODE_ENV?: string } };

export const DEV_MODE: boolean = (() => {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return true;
  }
})();

const issued = new Set<string>();

export function issueWarning(code: string, message: string): void {
  if (!DEV_MODE || issued.has(code)) return;
  issued.add(code);
  console.warn(`Parley [${code}]: ${message}`);
}

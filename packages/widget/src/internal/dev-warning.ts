/**
 * Dev-mode warnings for soft misuse of the elements, each issued once per
 * code. Codes are listed in `docs/widget.md` ("Warnings").
 *
 * Dev mode is on unless `process.env.NODE_ENV` is `"production"`; bundlers that
 * define it (the script-tag bundle does) drop the warnings.
 */
declare const process: { readonly env: { readonly NODE_ENV?: string } };

export const WIDGET_WARNINGS = {
  /** A tag was defined twice with different classes; the first definition stays. */
  duplicateTag: 'duplicate-tag',
  /** An element rendered without any translator provided and no default registered. */
  noTranslator: 'no-translator',
  /** A theme value or name from the site's settings was refused. */
  themeRefused: 'theme-refused',
  /** An unknown command was queued with `window.parley(...)`. */
  unknownCommand: 'unknown-command',
} as const;
export type WidgetWarning = (typeof WIDGET_WARNINGS)[keyof typeof WIDGET_WARNINGS];

const DEV_MODE: boolean = (() => {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return true;
  }
})();

const issued = new Set<string>();

/** Warns once per `code` (and `key`, for warnings about one of many things). */
export function warnOnce(code: WidgetWarning, message: string, key = ''): void {
  if (!DEV_MODE || issued.has(code + key)) return;
  issued.add(code + key);
  console.warn(`Parley [${code}]: ${message}`);
}

import { WIDGET_WARNINGS, warnOnce } from '../internal/dev-warning.js';
import { THEME_NAME } from './tokens.js';

/** Theme keys that are image URLs rather than custom properties. */
export const THEME_IMAGES = ['launcher-icon', 'header-image'] as const;

/**
 * A stylesheet setting `--parley-<name>` on `:host` for each theme entry (the
 * site's settings `theme`, then the page's), built through the CSSOM: no style
 * attribute and no `<style>` text, so a strict Content-Security-Policy allows
 * it, and a value cannot break out of its declaration. Names that are not
 * token-like and values the browser rejects are skipped (a dev warning says so).
 */
export function themeSheet(theme: Readonly<Record<string, string>>): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.insertRule(':host{}');
  const style = (sheet.cssRules[0] as CSSStyleRule).style;
  for (const [name, value] of Object.entries(theme)) {
    if ((THEME_IMAGES as readonly string[]).includes(name)) continue;
    if (typeof value !== 'string' || !THEME_NAME.test(name)) {
      warnOnce(WIDGET_WARNINGS.themeRefused, `Theme entry "${name}" is not a token name (lowercase letters, digits, dashes).`, name);
      continue;
    }
    style.setProperty(`--parley-${name}`, value);
    if (style.getPropertyValue(`--parley-${name}`) === '') {
      warnOnce(WIDGET_WARNINGS.themeRefused, `Theme value of "${name}" was refused by the browser.`, name);
    }
  }
  return sheet;
}

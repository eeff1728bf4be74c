/**
 * Parley's design tokens: the global `--parley-*` custom properties every
 * element reads (a site sets them on any ancestor, or through its theme
 * settings), each with its default. Elements read them through
 * {@link token}, so an element's local property (`--parley-launcher-background`)
 * falls back to the global token, which falls back to the default.
 */
import { unsafeCSS, type CSSResult } from 'lit';

/** Global tokens and their defaults. Colours meet WCAG 2.2 AA contrast in the pairs they are used in. */
export const TOKENS = {
  'color-accent': '#1d4ed8',
  'color-on-accent': '#ffffff',
  'color-surface': '#ffffff',
  'color-on-surface': '#1f2937',
  'color-surface-alt': '#f1f5f9',
  'color-muted': '#4b5563',
  'color-border': '#8a94a6',
  'color-danger': '#b91c1c',
  'color-success': '#166534',
  'color-focus': '#1d4ed8',
  'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  'font-size': '15px',
  'line-height': '1.45',
  radius: '12px',
  'radius-small': '6px',
  spacing: '8px',
  shadow: '0 8px 28px rgb(15 23 42 / 0.25)',
  'z-index': '2147483000',
} as const;
export type TokenName = keyof typeof TOKENS;

/** `var(--parley-<name>, <default>)`. */
export function tokenValue(name: TokenName): CSSResult {
  return unsafeCSS(`var(--parley-${name}, ${TOKENS[name]})`);
}

/**
 * `var(--parley-<local>, var(--parley-<global>, <default>))`: an element's own
 * custom property that defaults to a global token.
 */
export function token(local: string, global: TokenName): CSSResult {
  return unsafeCSS(`var(--parley-${local}, var(--parley-${global}, ${TOKENS[global]}))`);
}

/** Names a theme may set: the tokens above and any element's local property (`launcher-background`). */
export const THEME_NAME = /^[a-z][a-z0-9-]{0,63}$/;

/**
 * Splits a message's text into plain runs and links, so links become clickable
 * without any text ever being parsed as HTML. Only `http:` and `https:` links
 * are made (a bare `www.` gets `https://`); anything else stays text.
 */
import { safeHref } from '../base/safe-url.js';

export { safeHref, safeResourceUrl } from '../base/safe-url.js';

export type TextSegment = { readonly text: string; readonly href?: undefined } | { readonly text: string; readonly href: string };

const CANDIDATE = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?)\]}'"»」』、。，！？]+$/;

export function linkify(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const raw = match[0].replace(TRAILING, '');
    const href = safeHref(raw.toLowerCase().startsWith('www.') ? `https://${raw}` : raw);
    if (!href || raw.length === 0) continue;
    if (match.index > last) segments.push({ text: text.slice(last, match.index) });
    segments.push({ text: raw, href });
    last = match.index + raw.length;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return segments;
}

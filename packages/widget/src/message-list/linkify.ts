/**
 * Splits a message's text into plain runs and links, so links become clickable
 * without any text ever being parsed as HTML. Only `http:` and `https:` links
 * are made (a bare `www.` gets `https://`); anything else stays text.
 */
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

/** The URL if it is absolute `http:` or `https:`. */
export function safeHref(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** A URL an attachment may be shown or fetched from: `http:`, `https:` or a local `blob:`. */
export function safeResourceUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url, document.baseURI);
    return ['http:', 'https:', 'blob:'].includes(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

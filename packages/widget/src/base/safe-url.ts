/** URL checks for what the widget links to or loads, in a module of their own so the first chunk carries no more. */

/** The URL if it is absolute `http:` or `https:`. */
export function safeHref(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** A URL an attachment or image may be shown or fetched from: `http:`, `https:` or a local `blob:`. */
export function safeResourceUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url, document.baseURI);
    return ['http:', 'https:', 'blob:'].includes(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

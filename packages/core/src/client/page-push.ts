/**
 * The visitor's own check of a page push (V9): the hub already checked the
 * origin, but the client never navigates anywhere the site did not allow.
 */

/** The origin of an absolute http(s) URL, or undefined for anything else. */
export function httpOrigin(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return parsed.origin;
}

/** Whether `url` is http(s) and its origin is one of `allowed` (each compared as an origin). */
export function isPushAllowed(url: string, allowed: readonly string[]): boolean {
  const origin = httpOrigin(url);
  if (origin === undefined) return false;
  return allowed.some((entry) => httpOrigin(entry) === origin);
}

/**
 * The URL an agent pushed, resolved against the page, if the visitor's browser
 * may go there: `http:` or `https:`, on one of `allowedOrigins` (the site's
 * `pushOrigins`). The hub checks the same list; the page checks again, because
 * the page is what navigates.
 */
export function resolvePushedUrl(url: string, allowedOrigins: readonly string[], win: Window = window): URL | undefined {
  let target: URL;
  try {
    target = new URL(url, win.location.href);
  } catch {
    return undefined;
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return undefined;
  const allowed = allowedOrigins.some((origin) => {
    try {
      return new URL(origin).origin === target.origin;
    } catch {
      return false;
    }
  });
  return allowed ? target : undefined;
}

/**
 * Takes the visitor to a pushed page if {@link resolvePushedUrl} allows it.
 * Returns whether it navigates.
 */
export function followPagePush(url: string, allowedOrigins: readonly string[], win: Window = window): boolean {
  const target = resolvePushedUrl(url, allowedOrigins, win);
  if (!target) return false;
  win.location.assign(target.href);
  return true;
}

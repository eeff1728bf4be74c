/**
 * Matching a page's Origin against a site's allow-list, one way everywhere: the
 * server before a WebSocket handshake or long-poll channel, the hub at `hello`,
 * and the HTTP API. Entries are origins (`https://shop.example`) or patterns
 * with `*` standing for one host label or a port (`https://*.example.com`,
 * `http://localhost:*`); `*` alone allows any. The literal origin `null`
 * (sandboxed frames, files) matches only an empty list.
 */

/** Lower case, scheme + host + port only, default port dropped. */
export function normaliseOrigin(origin: string): string {
  try {
    const url = new URL(origin);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin.toLowerCase();
  } catch {
    // not a URL: compared as written
  }
  return origin.trim().toLowerCase();
}

/** Compiles an allow-list into a test of origins. An empty list matches nothing. */
export function createOriginMatcher(list: readonly string[]): (origin: string) => boolean {
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const entry of list) {
    const e = entry.trim().toLowerCase().replace(/\/+$/, '');
    if (e === '*') return (origin) => origin !== 'null';
    if (!e.includes('*')) {
      exact.add(normaliseOrigin(e));
      continue;
    }
    const source = e
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[a-z0-9-]+');
    patterns.push(new RegExp(`^${source}$`));
  }
  return (origin) => {
    const o = normaliseOrigin(origin);
    return o !== 'null' && (exact.has(o) || patterns.some((p) => p.test(o)));
  };
}

/**
 * Whether a page on `origin` may use a site whose allow-list is `list`: an empty
 * list allows every origin, and a request without an Origin (a program, not a
 * browser) passes, since the check protects browsers' users.
 */
export function isOriginAllowed(list: readonly string[], origin: string | undefined): boolean {
  return list.length === 0 || origin === undefined || createOriginMatcher(list)(origin);
}

/**
 * Who a connection is for, read from its URL before anything else happens:
 * `?siteId=…` for a site's visitors, `?role=agent` for agents. The Origin
 * check and the hello check both go by it.
 */

/** A visitor connection for one site, or an agent connection. */
export type ConnectionTarget = { readonly role: 'visitor'; readonly siteId: string } | { readonly role: 'agent' };

/** Longest site id accepted in a URL. */
const MAX_SITE_ID = 64;

/** Reads the target from a request URL's query; undefined when it names none (or both). */
export function parseTarget(query: URLSearchParams): ConnectionTarget | undefined {
  const role = query.get('role');
  const siteId = query.get('siteId');
  if (role === 'agent') return siteId === null ? { role: 'agent' } : undefined;
  if (role !== null && role !== 'visitor') return undefined;
  if (!siteId || siteId.length > MAX_SITE_ID) return undefined;
  return { role: 'visitor', siteId };
}

/**
 * Whether a frame is a `hello` that does not fit the connection's target: an
 * agent hello on a visitor connection, a visitor hello on an agent
 * connection, or a visitor hello for another site. Such a hello would get
 * round the Origin check made for the target, so it is refused.
 *
 * Returns `'hello'` for a fitting hello, `'mismatch'` for one that does not
 * fit, and `'other'` for anything else (left to the hub to judge).
 */
export function checkHello(target: ConnectionTarget, data: string): 'hello' | 'mismatch' | 'other' {
  // Cheap test first: only frames that may be a hello are parsed.
  if (!data.includes('"hello"')) return 'other';
  let frame: unknown;
  try {
    frame = JSON.parse(data);
  } catch {
    return 'other';
  }
  if (typeof frame !== 'object' || frame === null || (frame as { type?: unknown }).type !== 'hello') return 'other';
  const hello = frame as { role?: unknown; siteId?: unknown };
  if (hello.role !== target.role) return 'mismatch';
  if (target.role === 'visitor' && hello.siteId !== target.siteId) return 'mismatch';
  return 'hello';
}

/**
 * Who is on the other end of a connection. The hub asks a {@link HubAuth};
 * {@link createTokenAuth} is the standard one: HMAC-SHA256 tokens through
 * WebCrypto (never hand-rolled), so it runs in Node and in browsers alike.
 */
import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import { fromBase64Url, fromHex, fromUtf8, toBase64Url, toHex, utf8 } from '../internal/encoding.js';
import type { MemberInfo, SignedMember } from '../protocol/model.js';

export interface HubAuth {
  /** The agent a token was issued to, or undefined when it is forged, expired or malformed. */
  verifyAgentToken(token: string): Promise<{ siteId: string; agentId: string } | undefined>;
  issueVisitorToken(siteId: string, visitorId: string): Promise<string>;
  verifyVisitorToken(token: string): Promise<{ siteId: string; visitorId: string } | undefined>;
}

export interface TokenAuth extends HubAuth {
  /** Issues an agent token, as the server does after a successful sign-in. */
  issueAgentToken(siteId: string, agentId: string, ttlMs?: number): Promise<string>;
}

export interface TokenAuthOptions {
  /** At least 32 bytes of secret; keep it out of clients. */
  readonly secret: string;
  readonly clock?: Clock;
  /** Default 12 hours. */
  readonly agentTokenTtlMs?: number;
  /** Default 400 days: the visitor's identity outlives many visits. */
  readonly visitorTokenTtlMs?: number;
}

interface TokenPayload {
  /** `a` agent, `v` visitor. */
  readonly k: 'a' | 'v';
  readonly s: string;
  readonly i: string;
  readonly e: number;
}

const hmacKey = (secret: string) =>
  crypto.subtle.importKey('raw', utf8(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);

export function createTokenAuth(options: TokenAuthOptions): TokenAuth {
  if (options.secret.length < 32) throw new Error('createTokenAuth: the secret needs at least 32 characters.');
  const clock = options.clock ?? systemClock;
  const key = hmacKey(options.secret);
  const agentTtl = options.agentTokenTtlMs ?? 12 * 3600_000;
  const visitorTtl = options.visitorTokenTtlMs ?? 400 * 86400_000;

  async function issue(payload: TokenPayload): Promise<string> {
    const body = toBase64Url(utf8(JSON.stringify(payload)));
    const signature = await crypto.subtle.sign('HMAC', await key, utf8(body));
    return `${body}.${toBase64Url(new Uint8Array(signature))}`;
  }

  async function verify(token: string, kind: TokenPayload['k']): Promise<TokenPayload | undefined> {
    if (token.length > 1024) return undefined;
    const [body, signature, extra] = token.split('.');
    if (!body || !signature || extra !== undefined) return undefined;
    const signatureBytes = fromBase64Url(signature);
    if (!signatureBytes) return undefined;
    // subtle.verify compares in constant time.
    if (!(await crypto.subtle.verify('HMAC', await key, signatureBytes, utf8(body)))) return undefined;
    const bodyBytes = fromBase64Url(body);
    if (!bodyBytes) return undefined;
    let payload: unknown;
    try {
      payload = JSON.parse(fromUtf8(bodyBytes));
    } catch {
      return undefined;
    }
    const p = payload as Partial<TokenPayload>;
    if (p.k !== kind || typeof p.s !== 'string' || typeof p.i !== 'string' || typeof p.e !== 'number') {
      return undefined;
    }
    return p.e > clock.now() ? (p as TokenPayload) : undefined;
  }

  return {
    issueAgentToken: (siteId, agentId, ttlMs = agentTtl) =>
      issue({ k: 'a', s: siteId, i: agentId, e: clock.now() + ttlMs }),
    async verifyAgentToken(token) {
      const p = await verify(token, 'a');
      return p && { siteId: p.s, agentId: p.i };
    },
    issueVisitorToken: (siteId, visitorId) => issue({ k: 'v', s: siteId, i: visitorId, e: clock.now() + visitorTtl }),
    async verifyVisitorToken(token) {
      const p = await verify(token, 'v');
      return p && { siteId: p.s, visitorId: p.i };
    },
  };
}

/**
 * Signs member info as a site's server does (V17): hex HMAC-SHA256 of the JSON
 * with the site's secret. Node servers may equally use `node:crypto`'s
 * `createHmac('sha256', secret).update(data).digest('hex')`.
 */
export async function signMember(
  siteSecret: string,
  member: { id: string; name?: string; email?: string },
): Promise<SignedMember> {
  const data = JSON.stringify(member);
  const signature = await crypto.subtle.sign('HMAC', await hmacKey(siteSecret), utf8(data));
  return { data, signature: toHex(new Uint8Array(signature)) };
}

/**
 * Checks member info against the site's secret. A bad signature does not
 * reject the visitor: the claim is returned with `verified: false`, shown as
 * unverified and never trusted.
 */
export async function verifyMember(siteSecret: string, signed: SignedMember): Promise<MemberInfo | undefined> {
  let claim: unknown;
  try {
    claim = JSON.parse(signed.data);
  } catch {
    return undefined;
  }
  if (typeof claim !== 'object' || claim === null) return undefined;
  const c = claim as Record<string, unknown>;
  if (typeof c.id !== 'string' || c.id.length === 0 || c.id.length > 256) return undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 256) : undefined);
  const signature = fromHex(signed.signature);
  const verified =
    signature !== undefined &&
    (await crypto.subtle.verify('HMAC', await hmacKey(siteSecret), signature, utf8(signed.data)));
  const name = text(c.name);
  const email = text(c.email);
  return { id: c.id, ...(name && { name }), ...(email && { email }), verified };
}

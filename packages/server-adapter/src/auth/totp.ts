/**
 * One-time codes (RFC 6238 TOTP) through otpauth. The server keeps an agent's
 * Base32 secret; {@link matchTotp} says which time-step a code belongs to, so
 * the caller can refuse a step that was already used.
 */
import { Secret, TOTP } from 'otpauth';

/** The HMAC behind the codes; authenticator apps widely support only SHA1. */
export type TotpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

/** How codes are made; the defaults are what authenticator apps expect. */
export interface TotpOptions {
  /** Default SHA1. */
  readonly algorithm?: TotpAlgorithm;
  /** Default 6. */
  readonly digits?: number;
  /** Seconds per step; default 30. */
  readonly period?: number;
}

/** A new random secret (160 bits, as RFC 4226 recommends), Base32. */
export function createTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

const totp = (secret: string, options: TotpOptions = {}) =>
  new TOTP({
    secret: Secret.fromBase32(secret),
    algorithm: options.algorithm ?? 'SHA1',
    digits: options.digits ?? 6,
    period: options.period ?? 30,
  });

/** The `otpauth://` URI an authenticator app scans (as a QR code) to add the account. */
export function totpUri(secret: string, account: { readonly issuer: string; readonly label: string }, options: TotpOptions = {}): string {
  const t = totp(secret, options);
  t.issuer = account.issuer;
  t.label = account.label;
  return t.toString();
}

/** The code for the time `at` (ms). */
export function totpCode(secret: string, at: number, options: TotpOptions = {}): string {
  return totp(secret, options).generate({ timestamp: at });
}

/**
 * The time-step a code is valid for at `at`, within ±`window` steps (default 1,
 * for clocks that drift), or undefined when it matches none.
 */
export function matchTotp(secret: string, code: string, at: number, options: TotpOptions & { readonly window?: number } = {}): number | undefined {
  const digits = options.digits ?? 6;
  if (code.length !== digits || !/^\d+$/.test(code)) return undefined;
  const t = totp(secret, options);
  const delta = t.validate({ token: code, timestamp: at, window: options.window ?? 1 });
  return delta === null ? undefined : t.counter({ timestamp: at }) + delta;
}

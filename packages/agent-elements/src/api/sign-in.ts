/**
 * Signing an agent in (A1). The console calls a {@link SignInFunction}; the
 * default one posts to a Parley server's `POST /api/login`, and a page without a
 * server (the in-page demo, tests) passes its own against its in-page hub.
 */
import type { Role } from '@parley/core';
import { postJson } from './http.js';

export interface Credentials {
  readonly siteId: string;
  /** The agent's sign-in name. */
  readonly login: string;
  readonly password: string;
  /** The one-time code, once the server asked for it (`code_required`). */
  readonly code?: string;
}

/** The signed-in agent as the server describes it (more fields may come). */
export interface SignedInAgent {
  readonly id: string;
  readonly siteId: string;
  readonly name: string;
  readonly role: Role;
}

export interface SignInResult {
  /** The agent token the hub accepts in `hello`. */
  readonly token: string;
  readonly agent: SignedInAgent;
}

/** Resolves with a token, or rejects with an error whose `code` says why (see {@link SIGN_IN_ERRORS}). */
export type SignInFunction = (credentials: Credentials) => Promise<SignInResult>;

/** Why a sign-in fails; the form shows a text for each and asks for the code on `code_required`. */
export const SIGN_IN_ERRORS = [
  'bad_credentials',
  'code_required',
  'bad_code',
  'ip_not_allowed',
  'locked',
  'disabled',
  'rate_limited',
  'network',
] as const;
export type SignInErrorCode = (typeof SIGN_IN_ERRORS)[number];

/** The sign-in failure code of any rejection (`network` when it has none we know). */
export function signInErrorCode(error: unknown): SignInErrorCode | 'unknown' {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === 'string') return (SIGN_IN_ERRORS as readonly string[]).includes(code) ? (code as SignInErrorCode) : 'unknown';
  return 'network';
}

/** A {@link SignInFunction} for a Parley server at `serverUrl` (`https://chat.example.com`). */
export function httpSignIn(serverUrl: string, fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis)): SignInFunction {
  return (credentials) => postJson<SignInResult>(fetchImpl, 'POST', `${serverUrl.replace(/\/+$/, '')}/api/login`, credentials);
}

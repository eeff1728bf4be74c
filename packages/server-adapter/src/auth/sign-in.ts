/**
 * Agent sign-in (A1): site + login + password, an optional one-time code, the
 * site's IP allow-list, lock-out after repeated failures, and a login log
 * line for every attempt.
 */
import type { AgentRecord, TokenAuth } from '@parley/core/hub';
import type { Logger } from '../log.js';
import { newId, SERVER_ID_PREFIXES } from '../store/ids.js';
import type { ServerStore, SignInOutcome } from '../store/server-store.js';
import { parseIpAllowList } from './ip-allow-list.js';
import { DEFAULT_SCRYPT_PARAMS, hashPassword, needsRehash, verifyPassword } from './password.js';
import { matchTotp } from './totp.js';

/** What a sign-in attempt carries. */
export interface SignInRequest {
  readonly siteId: string;
  readonly login: string;
  readonly password: string;
  /** The one-time code, when the agent has TOTP on. */
  readonly code?: string;
  /** The client's address, for the allow-list and the log. */
  readonly ip: string;
  readonly userAgent?: string;
}

/** Why a sign-in failed. `bad_credentials` is the same answer for an unknown login and a wrong password. */
export type SignInFailure = Exclude<SignInOutcome, 'ok'>;

/** The answer to a sign-in attempt. */
export type SignInResult =
  | { readonly ok: true; readonly token: string; readonly agent: AgentRecord }
  | { readonly ok: false; readonly failure: SignInFailure; /** For `locked`: when to try again. */ readonly retryAt?: number };

/** Lock-out policy. */
export interface SignInPolicy {
  /** Failures within `windowMs` that lock the login (default 5). */
  readonly maxFailures: number;
  /** Default 15 minutes. */
  readonly windowMs: number;
  /** How long a lock lasts (default 15 minutes). */
  readonly lockMs: number;
}

/** The default {@link SignInPolicy}: 5 failures in 15 minutes lock the login for 15 minutes. */
export const DEFAULT_SIGN_IN_POLICY: SignInPolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** What {@link createSignInService} needs. */
export interface SignInDeps {
  readonly store: ServerStore;
  readonly auth: Pick<TokenAuth, 'issueAgentToken'>;
  readonly clock?: { now(): number };
  readonly log?: Logger;
  readonly policy?: Partial<SignInPolicy>;
}

/** Signs agents in. */
export interface SignInService {
  signIn(request: SignInRequest): Promise<SignInResult>;
}

/** Creates the sign-in service. */
export function createSignInService(deps: SignInDeps): SignInService {
  const { store } = deps;
  const now = () => (deps.clock ?? Date).now();
  const policy = { ...DEFAULT_SIGN_IN_POLICY, ...deps.policy };
  // Checked when the login names nobody, so that answer takes as long as a wrong password.
  let dummyHash: Promise<string> | undefined;
  const dummy = () => (dummyHash ??= hashPassword('parley-dummy-password', DEFAULT_SCRYPT_PARAMS));

  async function record(request: SignInRequest, outcome: SignInOutcome, agent: AgentRecord | undefined): Promise<void> {
    await store.appendLoginLog({
      id: newId(SERVER_ID_PREFIXES.loginLog),
      siteId: request.siteId,
      login: request.login.slice(0, 256),
      ...(agent && { agentId: agent.id }),
      ip: request.ip,
      ...(request.userAgent && { userAgent: request.userAgent.slice(0, 512) }),
      at: now(),
      outcome,
    });
    deps.log?.info('sign-in', { siteId: request.siteId, agentId: agent?.id, ip: request.ip, outcome });
  }

  async function fail(request: SignInRequest, failure: SignInFailure, agent?: AgentRecord, retryAt?: number): Promise<SignInResult> {
    await record(request, failure, agent);
    return { ok: false, failure, ...(retryAt !== undefined && { retryAt }) };
  }

  /** Counts a guess; the one that reaches the limit locks the login. */
  async function countFailure(request: SignInRequest): Promise<void> {
    const at = now();
    await store.recordSignInFailure(request.siteId, request.login, at);
    const failures = await store.countSignInFailures(request.siteId, request.login, at - policy.windowMs);
    if (failures >= policy.maxFailures) await store.lockSignIn(request.siteId, request.login, at + policy.lockMs);
  }

  /** Re-hashes a password stored with weaker parameters than today's, now that we have it. */
  async function upgradeHash(agent: AgentRecord, password: string): Promise<void> {
    if (!agent.passwordHash || !needsRehash(agent.passwordHash)) return;
    const passwordHash = await hashPassword(password);
    // Re-read: an admin may have changed the agent meanwhile; a new password wins over our upgrade.
    const current = await store.getAgent(agent.id);
    if (current?.passwordHash === agent.passwordHash) await store.saveAgent({ ...current, passwordHash });
  }

  return {
    async signIn(request) {
      const site = await store.getSite(request.siteId);
      if (!site) {
        await verifyPassword(request.password, await dummy());
        return fail(request, 'bad_credentials');
      }
      if (!parseIpAllowList(site.settings.loginIpAllowList ?? []).list.allows(request.ip)) {
        return fail(request, 'ip_not_allowed');
      }
      const lockedUntil = await store.signInLockedUntil(request.siteId, request.login);
      if (lockedUntil !== undefined && lockedUntil > now()) return fail(request, 'locked', undefined, lockedUntil);

      const agent = await store.findAgentByLogin(request.siteId, request.login);
      const passwordOk = await verifyPassword(request.password, agent?.passwordHash ?? (await dummy()));
      if (!agent || !agent.passwordHash || !passwordOk) {
        await countFailure(request);
        return fail(request, 'bad_credentials', agent);
      }
      // Only someone who knows the password learns that the account is disabled.
      if (agent.disabled) return fail(request, 'disabled', agent);
      if (agent.totpSecret) {
        if (!request.code) return fail(request, 'code_required', agent);
        const at = now();
        const step = matchTotp(agent.totpSecret, request.code.trim(), at);
        // A step already used is refused: a code overheard or replayed within its 90 s is worthless.
        const fresh = step !== undefined && (await store.useTotpStep(agent.id, step, step - 10));
        if (!fresh) {
          await countFailure(request);
          return fail(request, 'bad_code', agent);
        }
      }
      await store.clearSignInFailures(request.siteId, request.login);
      await upgradeHash(agent, request.password);
      const token = await deps.auth.issueAgentToken(agent.siteId, agent.id);
      await record(request, 'ok', agent);
      return { ok: true, token, agent };
    },
  };
}

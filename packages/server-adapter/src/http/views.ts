/** What the API shows of stored records: never password hashes, TOTP secrets or site secrets. */
import type { AgentRecord, SiteRecord } from '@parley/core/hub';
import { permissionsOf, type Permission } from '@parley/core/hub';
import type { ForwardingSettings } from '../store/server-store.js';

/** An agent as the API shows it. */
export interface AgentView {
  readonly id: string;
  readonly siteId: string;
  readonly name: string;
  readonly login: string;
  readonly role: AgentRecord['role'];
  readonly groups: readonly string[];
  readonly capacity: number;
  readonly disabled: boolean;
  /** Whether one-time codes are on (the secret itself is never shown again). */
  readonly totp: boolean;
  /** Whether a password is set. */
  readonly hasPassword: boolean;
  readonly permissions: readonly Permission[];
}

/** The {@link AgentView} of a record. */
export function agentView(agent: AgentRecord): AgentView {
  return {
    id: agent.id,
    siteId: agent.siteId,
    name: agent.name,
    login: agent.login,
    role: agent.role,
    groups: agent.groups,
    capacity: agent.capacity,
    disabled: agent.disabled === true,
    totp: agent.totpSecret !== undefined,
    hasPassword: agent.passwordHash !== undefined,
    permissions: permissionsOf(agent.role),
  };
}

/** A site as its admins see it: everything but the secret. */
export function siteView(site: SiteRecord): { id: string; name: string; settings: SiteRecord['settings'] } {
  return { id: site.id, name: site.name, settings: site.settings };
}

/** Forwarding settings without the webhook secret. */
export function forwardingView(settings: ForwardingSettings | undefined) {
  return {
    webhookUrl: settings?.webhookUrl ?? null,
    hasWebhookSecret: settings?.webhookSecret !== undefined,
    emails: settings?.emails ?? [],
  };
}

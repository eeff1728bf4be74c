/**
 * The demo a first start seeds into an empty store: a site set up to show
 * every flow (pre-chat form whose question type routes to two groups, offline
 * form, an auto-invite rule, typing preview, page push to localhost) and two
 * agents, an admin and an agent, with generated passwords.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

import type { AgentRecord, GroupRecord, SiteRecord, SiteSettings } from '@parley/core/hub';

import { hashPassword } from './auth/password.js';
import type { ServerStore } from './store/server-store.js';

/** The demo site's id, fixed so the demo pages can name it. */
export const DEMO_SITE_ID = 'site_demo';

/** The credentials file written next to the data, mode 0600. */
export const DEMO_CREDENTIALS_FILE = 'demo-credentials.txt';

/** How to sign in to the seeded demo. Shown once, and kept in `<dataDir>/demo-credentials.txt`. */
export interface DemoCredentials {
  readonly siteId: string;
  readonly agents: readonly { readonly login: string; readonly password: string; readonly role: string; readonly name: string }[];
}

export interface DemoOptions {
  /** More origins allowed to embed the demo site's widget (localhost on any port always is). */
  readonly origins?: readonly string[];
}

/** The widget may run on localhost on any port. */
const LOCALHOST = ['http://localhost:*', 'http://127.0.0.1:*'];
/** Page push needs exact origins: the CLI's default port. */
const LOCALHOST_PUSH = ['http://localhost:8080', 'http://127.0.0.1:8080'];

/** The demo site's settings. */
export function demoSettings(options: DemoOptions = {}): SiteSettings {
  const extra = options.origins ?? [];
  return {
    typingPreview: true,
    pushOrigins: [...new Set([...LOCALHOST_PUSH, ...extra])],
    allowedOrigins: [...LOCALHOST, ...extra],
    preChatFields: [
      { name: 'name', label: 'Your name', kind: 'text', required: true },
      { name: 'email', label: 'E-mail', kind: 'email', required: false },
      {
        name: 'question',
        label: 'What is it about?',
        kind: 'select',
        required: true,
        options: [
          { value: 'buying', label: 'Buying: plans and prices', groupId: 'grp_sales' },
          { value: 'help', label: 'Help with my order', groupId: 'grp_support' },
        ],
      },
    ],
    offlineFields: [
      { name: 'name', label: 'Your name', kind: 'text', required: true },
      { name: 'email', label: 'E-mail', kind: 'email', required: true },
      { name: 'message', label: 'Your message', kind: 'textarea', required: true },
    ],
    texts: {},
    theme: {},
    routing: 'service',
    welcomeMessage: 'Hello! How can we help?',
    autoReply: { afterSeconds: 60, maxTimes: 1, text: 'Thanks for waiting, we will be with you in a moment.' },
    inviteRules: [
      {
        name: 'Pricing help',
        delaySeconds: 20,
        urlContains: 'pricing',
        maxTimes: 1,
        intervalSeconds: 3600,
        expirySeconds: 60,
        message: 'Comparing plans? Ask us anything.',
      },
    ],
    transferTimeoutSeconds: 30,
    inviteExpirySeconds: 120,
    queueTimeoutSeconds: 300,
    loginIpAllowList: [],
  };
}

/** A password that is easy to type: 4 groups of 4 letters and digits without look-alikes. */
function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let group = '';
    for (let i = 0; i < 4; i++) group += alphabet[randomInt(alphabet.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/**
 * Seeds the demo when the store has no site yet; returns its credentials, or
 * undefined when there was already a site (later starts reuse the data). With
 * `dataDir`, the credentials are also written to `<dataDir>/demo-credentials.txt` (0600).
 */
export async function seedDemo(store: ServerStore, options: DemoOptions & { readonly dataDir?: string } = {}): Promise<DemoCredentials | undefined> {
  if ((await store.listSites()).length > 0) return undefined;
  const site: SiteRecord = {
    id: DEMO_SITE_ID,
    name: 'Parley demo shop',
    secret: randomBytes(32).toString('base64url'),
    settings: demoSettings(options),
  };
  const groups: GroupRecord[] = [
    { id: 'grp_sales', siteId: site.id, name: 'Sales' },
    { id: 'grp_support', siteId: site.id, name: 'Support' },
  ];
  const people = [
    { id: 'agt_demo_admin', login: 'admin', name: 'Ada (admin)', role: 'admin', groups: ['grp_sales', 'grp_support'], capacity: 5 },
    { id: 'agt_demo_agent', login: 'agent', name: 'Sam (agent)', role: 'agent', groups: ['grp_support'], capacity: 3 },
  ] as const;
  const credentials: DemoCredentials = {
    siteId: site.id,
    agents: people.map((p) => ({ login: p.login, password: generatePassword(), role: p.role, name: p.name })),
  };
  await store.saveSite(site);
  for (const group of groups) await store.saveGroup(group);
  for (const [i, p] of people.entries()) {
    const agent: AgentRecord = {
      id: p.id,
      siteId: site.id,
      name: p.name,
      login: p.login,
      role: p.role,
      groups: [...p.groups],
      capacity: p.capacity,
      passwordHash: await hashPassword(credentials.agents[i]!.password),
    };
    await store.saveAgent(agent);
  }
  if (options.dataDir) writeCredentials(join(options.dataDir, DEMO_CREDENTIALS_FILE), credentials);
  return credentials;
}

/** The credentials as printed and written: one block a person can read. */
export function formatCredentials(credentials: DemoCredentials, consoleUrl?: string): string {
  const lines = [
    'Parley demo — sign-in details (shown once; also in the data folder, demo-credentials.txt)',
    `  site id: ${credentials.siteId}`,
    ...credentials.agents.map((a) => `  ${a.role.padEnd(6)} login: ${a.login.padEnd(6)} password: ${a.password}   (${a.name})`),
  ];
  if (consoleUrl) lines.push(`  console: ${consoleUrl}`);
  return `${lines.join('\n')}\n`;
}

function writeCredentials(file: string, credentials: DemoCredentials): void {
  const fd = openSync(file, 'w', 0o600);
  try {
    writeSync(fd, formatCredentials(credentials));
  } finally {
    closeSync(fd);
  }
}

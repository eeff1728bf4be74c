/**
 * The server's part, in the page: core's hub over a memory store, with one
 * site, two groups and two agents, a sign-in function shaped like the
 * server's `POST /api/login`, and a memory transport into the hub. Everything
 * lives as long as the page: a reload starts over.
 */
import { createMemoryTransport, type TransportFactory } from '@parley/core';
import { createHub, createMemoryStore, createTokenAuth, defaultSiteSettings, type Hub, type Store, type TokenAuth } from '@parley/core/hub';
import type { SignInFunction } from '@parley/agent-elements';

export const SITE_ID = 'site_demo';

/** The demo's agents; the password of both is {@link PASSWORD}. */
export const AGENTS = [
  { id: 'agt_ada', login: 'ada', name: 'Ada', role: 'admin', groups: ['grp_sales', 'grp_support'] },
  { id: 'agt_sam', login: 'sam', name: 'Sam', role: 'agent', groups: ['grp_support'] },
] as const;

/** A demo password, shown on the page: nothing leaves the page, so nothing needs protecting. */
export const PASSWORD = 'demo';

export interface InPageHub {
  readonly hub: Hub;
  readonly store: Store;
  readonly auth: TokenAuth;
  /** Each call opens one connection into the hub (a visitor's or an agent's). */
  readonly transport: TransportFactory;
  readonly signIn: SignInFunction;
}

/** A random secret for the page's tokens (they never leave it). */
function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function startInPageHub(): Promise<InPageHub> {
  const store = createMemoryStore();
  const auth = createTokenAuth({ secret: randomSecret() });
  // Page push goes to this page's own origin (not possible from a file:// page).
  const pushOrigins = /^https?:$/.test(location.protocol) ? [location.origin] : [];
  await store.saveSite({
    id: SITE_ID,
    name: 'Parley demo shop (in the page)',
    secret: randomSecret(),
    settings: defaultSiteSettings({
      typingPreview: true,
      pushOrigins,
      welcomeMessage: 'Hello! How can we help?',
      autoReply: undefined,
      preChatFields: [
        { name: 'name', label: 'Your name', kind: 'text', required: false },
        {
          name: 'question',
          label: 'What is it about?',
          kind: 'select',
          required: false,
          options: [
            { value: 'buying', label: 'Buying', groupId: 'grp_sales' },
            { value: 'help', label: 'Help with an order', groupId: 'grp_support' },
          ],
        },
      ],
    }),
  });
  await store.saveGroup({ id: 'grp_sales', siteId: SITE_ID, name: 'Sales' });
  await store.saveGroup({ id: 'grp_support', siteId: SITE_ID, name: 'Support' });
  for (const agent of AGENTS) {
    await store.saveAgent({ id: agent.id, siteId: SITE_ID, name: agent.name, login: agent.login, role: agent.role, groups: [...agent.groups], capacity: 3 });
  }

  const hub = createHub({ store, auth, logger: { warn: () => {}, error: (...data) => console.error('[parley hub]', ...data) } });
  const transport = createMemoryTransport((end) => hub.connect(end, { ip: '127.0.0.1', userAgent: navigator.userAgent }));

  const signIn: SignInFunction = async ({ siteId, login, password }) => {
    const agent = AGENTS.find((a) => a.login === login);
    if (siteId !== SITE_ID || !agent || password !== PASSWORD) {
      throw Object.assign(new Error('The site, agent id or password is wrong.'), { code: 'bad_credentials' });
    }
    return { token: await auth.issueAgentToken(SITE_ID, agent.id), agent: { id: agent.id, siteId: SITE_ID, name: agent.name, role: agent.role } };
  };

  return { hub, store, auth, transport, signIn };
}

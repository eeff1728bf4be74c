import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { NotificationOutput } from '../notifications/agent-notifier.js';
import { listCannedSource } from '../api/canned.js';
import type { OfflineMessageService } from '../api/offline.js';
import type { ConsoleServices } from './console-services.js';
import { createTestHub, PASSWORD, SITE, type TestHub } from '../../test/browser/support/hub.js';
import { $, $$, spy, text, type, until } from '../../test/browser/support/dom.js';
import '../define.js';
import type { AgentConsole } from './console.js';

const quiet: NotificationOutput = { attentive: () => true, sound: () => {}, desktop: () => {}, flashTitle: () => {} };

/** The element inside the console's shadow root (or inside one of its elements'). */
const inConsole = <E extends Element = HTMLElement>(el: AgentConsole, selector: string) => el.shadowRoot?.querySelector<E>(selector) ?? null;

async function press(...keys: string[]): Promise<void> {
  const [key, ...mods] = [...keys].reverse();
  for (const mod of mods.reverse()) await sendKeys({ down: mod });
  await sendKeys({ press: key! });
  for (const mod of mods.reverse()) await sendKeys({ up: mod });
}

describe('<parley-console> against the in-page hub', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await createTestHub();
  });
  afterEach(() => hub.close());

  async function signIn(login = 'ada', attributes: { language?: string; services?: ConsoleServices } = {}) {
    const el = await fixture<AgentConsole>(html`<parley-console
      style="--parley-console-height: 900px"
      site=${SITE}
      language=${attributes.language ?? 'en'}
      .signIn=${hub.signIn}
      .transport=${() => hub.transport}
      .services=${() => attributes.services ?? { canned: listCannedSource([{ id: 'c', kind: 'reply', title: 'Thanks', text: 'Thank you for waiting!' }]) }}
      .notificationOutput=${quiet}
    ></parley-console>`);
    await until(() => inConsole(el, 'parley-sign-in') !== null, 'the sign-in form');
    const form = inConsole(el, 'parley-sign-in')!;
    await (form as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    type($<HTMLInputElement>(form, '#login'), login);
    type($<HTMLInputElement>(form, '#password'), PASSWORD);
    $(form, '[part=submit]').click();
    await until(() => el.client?.status === 'open', 'signed in and connected');
    await el.updateComplete;
    return el;
  }

  it('signs in, takes chats from the queue and the router, answers, switches chats by keyboard, and signs out', async () => {
    const el = await signIn();
    expect(text(inConsole(el, '.console__name'))).to.equal('Ada');
    const client = el.client!;

    // A chat routed straight to Ada (she is online).
    const first = await hub.chattingVisitor('Uma');
    await until(() => text(inConsole(el, 'parley-conversation-list')?.shadowRoot?.querySelector('h2')) === 'My chats (1)', 'listed');
    $(inConsole(el, 'parley-conversation-list')!, '.conversations__select').click();
    await el.updateComplete;
    const conversation = () => inConsole(el, 'parley-conversation')!;
    await until(() => text(conversation().shadowRoot?.querySelector('h2')) === 'Uma', 'the chat is open');

    // Busy: the next chat waits; Alt+A takes the oldest waiting chat and opens it.
    await client.setPresence('busy');
    const second = await hub.chattingVisitor('Vic');
    await until(() => client.queue.length === 1, 'waiting');
    await press('Alt', 'KeyA');
    await until(() => el.selectedSession === second.sessionId, 'accepted and opened');
    await until(() => text(conversation().shadowRoot?.querySelector('h2')) === 'Vic', 'Vic’s chat shown');

    // Typing preview while the agent watches, then the answer.
    second.visitor.setDraft('Do you have it in red');
    await until(() => text(conversation().shadowRoot?.querySelector('.typing-preview__draft')) === 'Do you have it in red', 'preview');
    const textarea = $<HTMLTextAreaElement>($(conversation(), 'parley-composer'), 'textarea');
    type(textarea, 'Yes, in every size.');
    await press('Enter');
    await until(() => second.visitor.messages().some((m) => m.text === 'Yes, in every size.'), 'answered');

    // Uma writes; Alt+Z goes to her chat (it has unread messages), and reading clears the mark.
    first.visitor.send('Hello?');
    await until(() => (inConsole(el, 'parley-conversation-list')?.shadowRoot?.querySelectorAll('[part=unread]').length ?? 0) === 1, 'unread mark');
    await press('Alt', 'KeyZ');
    await until(() => el.selectedSession === first.sessionId, 'switched by Alt+Z');
    await until(() => client.unreadCount(first.sessionId) === 0, 'read on screen');
    await until(() => (inConsole(el, 'parley-conversation-list')?.shadowRoot?.querySelectorAll('[part=unread]').length ?? 1) === 0, 'mark cleared');
    await expect(el).to.be.accessible();

    const out = spy<unknown>(el, 'parley-agent-sign-out');
    $(el, '[part=sign-out]').click();
    await until(() => inConsole(el, 'parley-sign-in') !== null, 'back to the sign-in form');
    expect(out).to.have.length(1);
    expect(client.status).to.equal('closed');
  });

  it('shows the live visitor list with reach-out and context, and the settings', async () => {
    const el = await signIn('root');
    const views = spy<{ view: string }>(el, 'parley-view-change');
    const visitor = await hub.visitor({ title: 'Boots' });
    await press('Alt', 'Digit2');
    expect(views.at(-1)?.view).to.equal('visitors');
    await el.updateComplete;
    const list = inConsole(el, 'parley-visitor-list')!;
    await until(() => list.shadowRoot?.querySelector(`[data-visitor-id="${visitor.visitorId}"]`) !== null, 'the visitor is listed');
    (list.shadowRoot!.querySelector(`[data-visitor-id="${visitor.visitorId}"]`) as HTMLElement).click();
    await until(() => el.selectedVisitor === visitor.visitorId, 'selected');
    await el.updateComplete;
    const context = inConsole(el, 'parley-visitor-context')!;
    await until(() => text(context.shadowRoot?.querySelector('[part=timeline]')).includes('Boots'), 'the context shows the trajectory');
    expect(inConsole(el, 'parley-reach-out')?.getAttribute('visitor-id')).to.equal(visitor.visitorId);
    await expect(el).to.be.accessible();

    $$<HTMLButtonElement>(el, '[part=nav] button').find((b) => text(b) === 'Settings')!.click();
    await el.updateComplete;
    expect(inConsole(el, 'parley-notification-settings')).not.to.equal(null);
    expect(inConsole(el, 'parley-auto-replies')).not.to.equal(null); // Root is an admin
  });

  it('counts the left messages not replied in the navigation, and lists them in their view', async () => {
    const marked: string[] = [];
    const offline: OfflineMessageService = {
      list: (query = {}) => hub.store.listOfflineMessages(SITE, query),
      async markReplied(id) {
        marked.push(id);
        const message = (await hub.store.getOfflineMessage(id))!;
        await hub.store.saveOfflineMessage({ ...message, replied: true });
      },
    };
    const el = await signIn('ada', { services: { offline } });
    await el.client!.setPresence('away');
    const navButton = () => $$<HTMLButtonElement>(el, '[part=nav] button').find((b) => b.textContent!.includes('Left messages'))!;
    expect(navButton().querySelector('.badge')).to.equal(null);

    const visitor = await hub.visitor();
    const message = await visitor.leaveMessage({ name: 'Hal', email: 'hal@example.com', message: 'Call me back' });
    await until(() => navButton().querySelector<HTMLElement>('.badge')?.dataset.offlineCount === '1', 'counted in the navigation');
    expect(text(navButton().querySelector('.badge'))).to.equal('1 1 not replied');

    await press('Alt', 'Digit3');
    await until(() => el.view === 'offline', 'Alt+3 shows the left messages');
    await el.updateComplete;
    const list = inConsole(el, 'parley-offline-messages')!;
    await until(() => list.shadowRoot?.querySelector(`[data-id="${message.id}"]`) !== null, 'listed');
    await expect(el).to.be.accessible();
    list.shadowRoot!.querySelector<HTMLButtonElement>('[part=mark-replied]')!.click();
    await until(() => navButton().querySelector('.badge') === null, 'the count goes down');
    expect(marked).to.deep.equal([message.id]);
  });

  it('speaks the agent’s language, right to left for Arabic', async () => {
    const el = await signIn('ada', { language: 'ar' });
    expect(el.dir).to.equal('rtl');
    expect(el.lang).to.equal('ar');
    expect(text($$(el, '[part=nav] button')[0])).to.equal('المحادثات');
    expect(text(inConsole(el, 'parley-queue')?.shadowRoot?.querySelector('.queue__counter dt'))).to.equal('غير مقروءة');
    await expect(el).to.be.accessible();
    el.language = 'zh-CN';
    await until(() => text($$(el, '[part=nav] button')[0]) === '对话', 'switched to Chinese');
    expect(el.dir).to.equal('ltr');
  });
});

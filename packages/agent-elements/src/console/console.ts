import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { AgentEvents, ClientStorage } from '@parley/core';
import {
  ClientController,
  createStaticTranslator,
  LocalizeController,
  ParleyElement,
  provideTranslator,
  type TextOverrides,
  type TranslatorProvider,
} from '@parley/widget/shared';
import { httpSignIn, type SignInFunction, type SignInResult } from '../api/sign-in.js';
import { AutoReplies } from '../auto-replies/auto-replies.js';
import { Conversation } from '../conversation/conversation.js';
import { ConversationList } from '../conversation-list/conversation-list.js';
import { createAgentTranslator } from '../i18n/agent-translator.js';
import { ReadSignalController } from '../controllers/read-signal.js';
import { matchesShortcut, parseShortcut } from '../internal/shortcut.js';
import englishTexts from '../locales/en.js';
import type { Notice, NotificationOutput } from '../notifications/agent-notifier.js';
import { createBrowserOutput } from '../notifications/browser-output.js';
import { parseNotificationPrefs, type NotificationPrefs } from '../notifications/notification-prefs.js';
import { NotificationSettings } from '../notification-settings/notification-settings.js';
import { OfflineMessages } from '../offline-messages/offline-messages.js';
import { OfflineMessagesController } from '../controllers/offline-messages-controller.js';
import { PresenceSwitch } from '../presence-switch/presence-switch.js';
import { Queue } from '../queue/queue.js';
import { conversationCounters } from '../queue/counters.js';
import { ReachOut } from '../reach-out/reach-out.js';
import { SignIn } from '../sign-in/sign-in.js';
import { TransferOffers } from '../transfer-offers/transfer-offers.js';
import { VisitorContext } from '../visitor-context/visitor-context.js';
import { VisitorList } from '../visitor-list/visitor-list.js';
import { serverServices, serverTransport, type ServicesFactory, type TransportFor } from './console-services.js';
import { ConsoleSession } from './console-session.js';
import { renderView, type ConsoleView } from './console-views.js';
import { readStorage, writeStorage } from './console-storage.js';
import { consoleStyles } from './console.styles.js';


const PREFS_KEY = 'parley-console-notifications';
const REMEMBER_KEY = 'parley-console-session';

/**
 * The agents' console, assembled: the sign-in form, then the working view —
 * presence, waiting queue and counters, the chats at once with the open one,
 * transfer offers, the visitor's context, the live visitor list with reach-out,
 * the messages visitors left when nobody could chat (with the number not
 * replied in the navigation), and the settings (notifications; automatic replies for admins). The agent's
 * notifications ring as they chose.
 *
 * Every part is also an element of its own; this one wires them to one
 * `AgentClient` made at sign-in. Without a Parley server, pass `signIn`,
 * `transport` and `services` (the in-page demo does, against its in-page hub).
 *
 * Keyboard: Alt+Z next chat (`shortcut`), Alt+Enter send and go to the next,
 * Alt+A accept the oldest waiting chat (`accept-shortcut`), Alt+1 / 2 / 3 / 4 the
 * chats, visitors, left messages and settings views.
 *
 * @tagname parley-console
 * @summary The whole agent console: sign-in, presence, queue, chats, visitors, transfers, left messages, settings, notifications.
 *
 * @event parley-agent-sign-in - An agent signed in. `detail: { token, agent }`.
 * @event parley-agent-sign-out - The agent signed out.
 * @event parley-notification-request - A notification is about to ring or show; cancelable (the page may show its own). `detail: { notice }`.
 * @event parley-view-change - The agent switched views. `detail: { view }` (`chats`, `visitors`, `offline`, `settings`).
 *
 * @csspart base - The console.
 * @csspart header - The top bar.
 * @csspart nav - The view switcher.
 * @csspart sign-out - The sign-out button.
 * @csspart sign-in - The sign-in form (a `parley-sign-in`).
 * @csspart sidebar - The column of queue, offers and chats.
 * @csspart main - The open chat, the visitor list, or the left messages.
 * @csspart context - The visitor's context column.
 *
 * @cssproperty --parley-console-height - The console's height. Default `100vh`.
 * @cssproperty --parley-console-background - Behind the columns. Default `--parley-color-surface-alt`.
 * @cssproperty --parley-console-header-background - Default `--parley-color-surface`.
 */
export class AgentConsole extends ParleyElement {
  static override styles = consoleStyles;
  static override dependencies = {
    'parley-sign-in': SignIn,
    'parley-presence-switch': PresenceSwitch,
    'parley-queue': Queue,
    'parley-conversation-list': ConversationList,
    'parley-conversation': Conversation,
    'parley-transfer-offers': TransferOffers,
    'parley-visitor-list': VisitorList,
    'parley-visitor-context': VisitorContext,
    'parley-reach-out': ReachOut,
    'parley-notification-settings': NotificationSettings,
    'parley-auto-replies': AutoReplies,
    'parley-offline-messages': OfflineMessages,
  };

  /** The Parley server (`https://chat.example.com`): sign-in, hub, canned replies, uploads and settings go there unless given below. */
  @property() server = '';

  /** The site id, filled in on the sign-in form. */
  @property() site = '';

  /** Hides the site field (the page serves one site). */
  @property({ type: Boolean, attribute: 'site-fixed' }) siteFixed = false;

  /** The texts' language (BCP 47); default: the browser's. */
  @property() language: string | undefined;

  /** Text overrides by key (see the docs' list of keys). */
  @property({ attribute: false }) texts: TextOverrides | undefined;

  /** Signs in; default: the server's `POST /api/login`. */
  @property({ attribute: false }) signIn: SignInFunction | undefined;

  /** The hub connection for a token; default: the server's WebSocket with long-poll fallback. */
  @property({ attribute: false }) transport: TransportFor | undefined;

  /** Canned replies, uploads, screenshots and settings for the signed-in agent; default: the server's. */
  @property({ attribute: false }) services: ServicesFactory | undefined;

  /** Where the client keeps its outbox and resume points; default: memory. */
  @property({ attribute: false }) storage: ClientStorage | undefined;

  /** The notification channels; default: sound, desktop notifications and title flash in this window. */
  @property({ attribute: false }) notificationOutput: NotificationOutput | undefined;

  /** Keep the signed-in agent across reloads of this tab (sessionStorage). */
  @property({ type: Boolean }) remember = false;

  /** Next chat. */
  @property() shortcut = 'Alt+Z';

  /** Accept the oldest waiting chat. */
  @property({ attribute: 'accept-shortcut' }) acceptShortcut = 'Alt+A';

  /** Seconds without activity before the agent is set away; 0: never. */
  @property({ type: Number, attribute: 'idle-seconds' }) idleSeconds = 300;

  /** The view shown. */
  @property({ reflect: true }) view: ConsoleView = 'chats';

  /** The open chat. */
  @property({ attribute: 'session-id' }) selectedSession: string | undefined;

  /** The visitor chosen in the visitor list. */
  @property({ attribute: 'visitor-id' }) selectedVisitor: string | undefined;

  @state() private session: ConsoleSession | undefined;
  @state() private ready = false;
  @state() private prefs: NotificationPrefs = parseNotificationPrefs(readStorage(() => localStorage, PREFS_KEY));

  @query('parley-conversation-list') private conversationList!: ConversationList;
  @query('parley-queue') private queueElement!: Queue;

  readonly #texts: TranslatorProvider;
  readonly #reads = new ReadSignalController(this);
  /** The left messages, for the navigation's count of those not replied. */
  readonly #offline = new OfflineMessagesController(this);
  readonly #l10n = new LocalizeController(this);
  readonly #events = new ClientController<AgentEvents>(this, {
    events: ['agent', 'session', 'sessionRemoved', 'messages', 'queue', 'status'],
    onEvent: (type, event) => {
      if (type === 'sessionRemoved' && (event as AgentEvents['sessionRemoved']).session.id === this.selectedSession) this.selectedSession = undefined;
    },
  });
  #output: NotificationOutput | undefined;
  #language = 0;

  constructor() {
    super();
    // Answers the elements inside at once; the full texts replace these when loaded.
    this.#texts = provideTranslator(this, createStaticTranslator('en', englishTexts));
  }

  /** The signed-in agent's client (undefined before sign-in). */
  get client() {
    return this.session?.client;
  }

  /** Starts the working view for an agent signed in some other way (single sign-on). */
  start(signedIn: SignInResult): void {
    this.session?.dispose();
    this.#output ??= this.notificationOutput ?? createBrowserOutput();
    this.session = new ConsoleSession({
      signedIn,
      transport: this.transport ?? serverTransport(this.server),
      ...((this.services ?? (this.server ? serverServices(this.server) : undefined)) && {
        services: this.services ?? serverServices(this.server),
      }),
      ...(this.storage && { storage: this.storage }),
      output: this.#output,
      prefs: this.prefs,
      t: (key, values) => this.#l10n.t(key, values),
      activeSession: () => (this.view === 'chats' ? this.selectedSession : undefined),
      beforeNotify: (notice) => !this.emit('parley-notification-request', { notice }, { cancelable: true }).defaultPrevented,
    });
    this.#events.client = this.session.client;
    this.#reads.client = this.session.client;
    this.#offline.client = this.session.client;
    this.#offline.service = this.session.services.offline;
    if (this.remember) writeStorage(() => sessionStorage, REMEMBER_KEY, JSON.stringify(signedIn));
  }

  /** Signs the agent out: the connection closes and the sign-in form shows. */
  signOut(): void {
    if (!this.session) return;
    this.session.dispose();
    this.session = undefined;
    this.#events.client = undefined;
    this.#reads.client = undefined;
    this.#offline.client = undefined;
    this.#offline.service = undefined;
    this.selectedSession = undefined;
    this.selectedVisitor = undefined;
    this.view = 'chats';
    writeStorage(() => sessionStorage, REMEMBER_KEY, undefined);
    this.emit('parley-agent-sign-out', {});
  }

  /** Shows a view. */
  show(view: ConsoleView): void {
    if (this.view === view) return;
    this.view = view;
    this.emit('parley-view-change', { view });
  }

  /** Opens a chat of the agent's. */
  openSession(sessionId: string): void {
    this.selectedSession = sessionId;
    this.show('chats');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.#onKey);
    if (!this.session && this.remember) {
      const saved = readStorage(() => sessionStorage, REMEMBER_KEY);
      if (saved) {
        try {
          this.start(JSON.parse(saved) as SignInResult);
        } catch {
          writeStorage(() => sessionStorage, REMEMBER_KEY, undefined);
        }
      }
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.#onKey);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || changed.has('language') || changed.has('texts')) void this.#loadTexts();
  }

  async #loadTexts(): Promise<void> {
    const request = ++this.#language;
    const translator = await createAgentTranslator({
      ...(this.language !== undefined && { language: this.language }),
      ...(this.texts && { overrides: this.texts }),
    });
    if (request !== this.#language) return;
    this.#texts.set(translator);
    this.lang = translator.language;
    this.dir = translator.dir;
    this.ready = true;
  }

  #onKey = (event: KeyboardEvent): void => {
    if (!this.session) return;
    if (matchesShortcut(event, parseShortcut(this.acceptShortcut))) {
      const oldest = this.session.client.queue[0];
      if (oldest && this.queueElement) {
        event.preventDefault();
        void this.queueElement.accept(oldest.id);
      }
      return;
    }
    const shown = this.#views(this.session);
    const views: Record<string, ConsoleView | undefined> = { Digit1: shown[0], Digit2: shown[1], Digit3: shown[2], Digit4: shown[3] };
    if (event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && views[event.code]) {
      event.preventDefault();
      this.show(views[event.code]!);
    }
  };

  #onPrefs(prefs: NotificationPrefs): void {
    this.prefs = prefs;
    if (this.session) this.session.notifier.prefs = prefs;
    writeStorage(() => localStorage, PREFS_KEY, JSON.stringify(prefs));
  }

  protected override render(): TemplateResult {
    if (!this.ready) return html`<div part="base" class="console" aria-busy="true"></div>`;
    const session = this.session;
    if (!session) {
      return html`<div part="base" class="console console--signed-out">
        <parley-sign-in
          part="sign-in"
          .signIn=${this.signIn ?? (this.server ? httpSignIn(this.server) : undefined)}
          site=${this.site}
          ?site-fixed=${this.siteFixed}
          @parley-agent-sign-in=${(e: CustomEvent<SignInResult>) => this.start(e.detail)}
        ></parley-sign-in>
      </div>`;
    }
    return html`<div part="base" class="console">${this.#renderHeader(session)}
      ${renderView({
        view: this.view,
        client: session.client,
        services: session.services,
        selectedSession: this.selectedSession,
        selectedVisitor: this.selectedVisitor,
        shortcut: this.shortcut,
        prefs: this.prefs,
        t: (key) => this.#l10n.t(key),
        selectSession: (id) => (this.selectedSession = id),
        selectVisitor: (id) => (this.selectedVisitor = id),
        openSession: (id) => this.openSession(id),
        openVisitor: (id) => this.#openVisitor(id),
        nextConversation: () => this.conversationList?.selectNext(),
        onPrefs: (prefs) => this.#onPrefs(prefs),
        onOfflineReplied: (id) => this.#offline.setReplied(id),
      })}</div>`;
  }

  #renderHeader(session: ConsoleSession): TemplateResult {
    const t = (key: string, values?: Record<string, string | number>) => this.#l10n.t(key, values);
    const client = session.client;
    const unread = conversationCounters(client).unread;
    const views = this.#views(session);
    const notReplied = this.#offline.notReplied;
    return html`<header part="header" class="console__header">
      <span class="console__name" dir="auto">${client.agent?.name ?? session.signedIn.agent.name}</span>
      <parley-presence-switch .client=${client} idle-seconds=${this.idleSeconds}></parley-presence-switch>
      ${client.status === 'open' ? nothing : html`<span class="muted" role="status">${t(`console.status.${client.status}`)}</span>`}
      <nav part="nav" class="console__nav" aria-label=${t('console.views')}>
        ${views.map(
          (view) => html`<button class="button" type="button" aria-current=${this.view === view ? 'page' : 'false'} @click=${() => this.show(view)}>
            ${t(`console.view.${view}`)}
            ${view === 'chats' && unread > 0 ? html`<span class="badge">${unread}<span class="visually-hidden"> ${t('conversations.unread', { count: unread })}</span></span>` : nothing}
            ${view === 'offline' && notReplied > 0
              ? html`<span class="badge" data-offline-count=${notReplied}>${notReplied}<span class="visually-hidden"> ${t('offline.notRepliedCount', { count: notReplied })}</span></span>`
              : nothing}
          </button>`,
        )}
      </nav>
      <button part="sign-out" class="button" type="button" @click=${() => this.signOut()}>${t('console.signOut')}</button>
    </header>`;
  }

  /** The views the agent may switch to, in the navigation's order. */
  #views(session: ConsoleSession): ConsoleView[] {
    const permissions = session.client.permissions;
    const may = (permission: string) => permissions.length === 0 || permissions.includes(permission as (typeof permissions)[number]);
    return [
      'chats',
      ...(may('visitors.view') ? (['visitors'] as const) : []),
      ...(session.services.offline && may('chat') ? (['offline'] as const) : []),
      'settings',
    ];
  }

  /** A visitor opened in the list: their chat with this agent if there is one. */
  #openVisitor(visitorId: string): void {
    this.selectedVisitor = visitorId;
    const sessionId = this.session?.client.visitors.get(visitorId)?.sessionId;
    if (sessionId !== undefined && this.session?.client.sessionById(sessionId)) this.openSession(sessionId);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parley-agent-sign-out': CustomEvent<Record<string, never>>;
    'parley-notification-request': CustomEvent<{ readonly notice: Notice }>;
    'parley-view-change': CustomEvent<{ readonly view: ConsoleView }>;
  }
}

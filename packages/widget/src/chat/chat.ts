import type { i18n } from 'i18next';
import { adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  VisitorClientBase,
  type Availability,
  type ChatMessage,
  type ClientStorage,
  type ParleyError,
  type SessionInfo,
  type SignedMember,
  type TransportFactory,
  type VisitorEvents,
} from '@parley/core';
import {
  createIndexedDbStorage,
  createPageViewTracker,
  readVisitorEnvironment,
  resolvePushedUrl,
  watchConnectivity,
  type TrajectoryTracker,
} from '@parley/core/browser';

import { ClientController } from '../base/client-controller.js';
import { ParleyElement } from '../base/parley-element.js';
import { provideTranslator } from '../i18n/context.js';
import { createStaticTranslator, type TextOverrides, type Translator } from '../i18n/translator.js';
import { Launcher, type LauncherVariant, type WindowRequestSource } from '../launcher/launcher.js';
import { themeSheet } from '../styles/theme.js';
import type { Uploader } from '../upload/uploader.js';
import { chatStyles } from './chat.styles.js';
import { connectToServer } from './connect.js';
import type { SiteI18nextController } from './site-i18next-controller.js';
import { buildTranslator, combinedOverrides, resolveLanguage } from './texts.js';

type WindowModule = typeof import('./rest-of-widget.js');
type InvitationModule = typeof import('./invitation-slot.js');
type ChatWindowElement = InstanceType<WindowModule['ChatWindow']>;

/** Why the window opened or closed. */
export type WindowChangeReason = WindowRequestSource | 'proactive' | 'restore';

const CLIENT_EVENTS = ['status', 'settings', 'availability', 'session', 'invite', 'inviteClosed', 'messages', 'error'] as const;
const OPEN_STATES: ReadonlySet<SessionInfo['state']> = new Set(['queued', 'active', 'transferring']);

/**
 * The whole visitor chat from a few attributes: a launcher that tells who is
 * there, invitations (their element loaded when the page is idle, or at once
 * when the first one arrives), and the chat window with its forms and the
 * client's chat machinery (messages, outbox, typing), loaded when first opened,
 * when the page is idle, or at once when the visitor has a chat going (from
 * another page or tab). It owns the `VisitorClientBase` (or takes yours), follows the
 * visitor's page views, and applies the site's settings (texts, theme, forms)
 * as the hub sends them; attributes and properties set here override them.
 *
 * ```html
 * <parley-chat server="https://chat.example.com" site="site_1"></parley-chat>
 * ```
 *
 * @tagname parley-chat
 * @summary The complete visitor chat: launcher, invitations, window and forms.
 *
 * @event parley-window-open-request - About to open (from the launcher, an invitation or `show()`). Cancelable.
 * @event parley-window-close-request - About to close (minimise). Cancelable.
 * @event parley-window-open - The window opened; `detail.reason` says why (`proactive`: an agent opened it).
 * @event parley-window-close - The window closed.
 * @event parley-navigate-request - An agent pushed `detail.url` (an allowed origin). Cancelable: when prevented, the page stays.
 * @event parley-message-receive - A message from an agent or the system arrived (`detail.message`).
 * @event parley-availability-change - Who can chat changed (`detail.availability`: online, busy, offline).
 * @event parley-session-change - The conversation changed (`detail.session`: queued, active, ended…).
 * @event parley-chat-error - The client reported a problem (`detail.error`, a `ParleyError` with a stable `code`).
 *
 * @csspart base - The wrapper of everything below.
 * @csspart launcher - The `<parley-launcher>`; its parts are exported as `launcher-base`, `launcher-icon`, `launcher-label`, `launcher-status`, `launcher-badge`.
 * @csspart invitation - The `<parley-invitation>`; its parts as `invitation-base`, `invitation-message`, `invitation-accept`, `invitation-decline`.
 * @csspart window - The `<parley-chat-window>`; its parts as `window-base`, `window-header`, `window-title`, `window-body`.
 *
 * @cssproperty --parley-chat-offset - Distance of the launcher and window from the viewport's corner. Default `20px`.
 * @cssproperty --parley-chat-window-width - The window's width on wide screens. Default `370px`.
 * @cssproperty --parley-chat-window-height - The window's largest height. Default `600px`.
 */
export class ParleyChat extends ParleyElement {
  static override styles = chatStyles;
  // `<parley-invitation>` is not among them: it is loaded on demand (#loadInvitation).
  static override dependencies = { 'parley-launcher': Launcher };

  /** The Parley server, `https://chat.example.com` (not needed when `transport` is set). */
  @property() server = '';

  /** The site's id. */
  @property() site = '';

  /** The language (`ja`, `zh-TW`…); by default the first of the visitor's languages the widget ships. Not used when `i18next` is set. */
  @property() language = '';

  /** Which corner the launcher and window sit in; logical, so `bottom-end` is bottom-left in right-to-left pages. */
  @property({ reflect: true }) position: 'bottom-end' | 'bottom-start' = 'bottom-end';

  /** The launcher: `floating` (default), `fixed` to the page's bottom edge, a `link` in the page's flow, or `none` (open it with `show()`). */
  @property() launcher: LauncherVariant | 'none' = 'floating';

  /** Route chats to this group (a launcher bound to a team). */
  @property() group = '';

  /** Load the window's code when the page is idle (`idle`, default) or only when first opened (`open`). */
  @property() preload: 'idle' | 'open' = 'idle';

  /** Do not report page views (trajectory). */
  @property({ type: Boolean, attribute: 'no-tracking' }) noTracking = false;

  /** Hide the screenshot button. */
  @property({ type: Boolean, attribute: 'no-screenshot' }) noScreenshot = false;

  /** Largest file the visitor may send, in bytes. Default 10 MB (the server's default). */
  @property({ type: Number, attribute: 'max-file-size' }) maxFileSize = 10 * 1024 * 1024;

  /** File types the visitor may send (a file input's `accept`). */
  @property() accept = 'image/*,application/pdf,text/plain';

  /** Whether the window is open. Set it, or call `show()` / `hide()`. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** Text overrides by key, over the site's (`"launcher.open"`, or `"ja/launcher.open"` for one language). */
  @property({ attribute: false }) texts: TextOverrides = {};

  /**
   * The site's own i18next instance, initialised (opt-in: the widget does not
   * bundle i18next). The widget then adds its texts to it in its own
   * namespaces (`parley`, and `parley-site` for the overrides), speaks its
   * language and follows its `changeLanguage`; texts the site puts in the
   * `parley` namespace win over the shipped ones. See docs/languages.md.
   */
  @property({ attribute: false }) i18next: i18n | undefined;

  /** Theme values by token name without the prefix (`{ "color-accent": "#0a7" }`), over the site's. */
  @property({ attribute: false }) theme: Readonly<Record<string, string>> = {};

  /** The signed-in site member, as the site's server signed it. */
  @property({ attribute: false }) member: SignedMember | undefined;

  /** Connects through this transport instead of `server` (tests, demos, custom backends). */
  @property({ attribute: false }) transport: TransportFactory | undefined;

  /** Where the visitor's identity, chat and unsent messages are kept. Default: IndexedDB. */
  @property({ attribute: false }) storage: ClientStorage | undefined;

  /** Uploads a file and resolves with its attachment. Default: the server's `POST /api/files`. */
  @property({ attribute: false }) uploadFile: Uploader | undefined;

  @state() private windowReady = false;
  @state() private textsReady = false;
  /** `<parley-invitation>` rendered without an invitation yet (its first render), then with them. */
  @state() private invitationLive = false;

  #client: VisitorClientBase | undefined;
  #storage: ClientStorage | undefined;
  #windowModule: WindowModule | undefined;
  #windowLoading: Promise<void> | undefined;
  #invitationLoading: Promise<void> | undefined;
  #invitationModule: InvitationModule | undefined;
  #stops: (() => void)[] = [];
  #textsVersion = 0;
  #everOpened = false;
  #focusOnOpen = false;
  #shownOpen = false;
  #returnFocus: HTMLElement | undefined;
  #tracker: TrajectoryTracker | undefined;
  #reason: WindowChangeReason = 'api';
  readonly #provider = provideTranslator(this, createStaticTranslator('en', {}));
  /** Made when a site first gives its i18next (its code is loaded only then). */
  #siteI18next: SiteI18nextController | undefined;
  readonly #bridge = new ClientController<VisitorEvents>(this, {
    events: CLIENT_EVENTS,
    onEvent: (type, event) => this.#onClientEvent(type, event),
  });

  /**
   * The visitor's client (created when connected, from `site` and `server` or
   * `transport`); its chat machinery is attached once the window's code has loaded.
   */
  get client(): VisitorClientBase | undefined {
    return this.#client;
  }

  /** Opens the window (as the launcher does). Resolves once it is shown. */
  async show(reason: WindowChangeReason = 'api'): Promise<void> {
    this.#reason = reason;
    this.#focusOnOpen = reason !== 'proactive' && reason !== 'restore';
    if (this.#focusOnOpen && !this.open) this.#returnFocus = deepActiveElement();
    this.open = true;
    await this.#loadWindow();
    await this.updateComplete;
  }

  /** Closes (minimises) the window; the chat carries on. */
  hide(reason: WindowChangeReason = 'api'): void {
    this.#reason = reason;
    this.open = false;
  }

  /** Signs the visitor in as a site member (info signed by the site's server), reconnecting with it. */
  identify(member: SignedMember): void {
    this.member = member;
    this.#client?.identify(member);
  }

  /** Reports a page view now: a virtual page, or after a route change the tracker cannot see. */
  trackPageView(view: { readonly url?: string; readonly title?: string } = {}): void {
    this.#tracker?.track(view);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const stop of this.#stops.splice(0)) stop();
    this.#tracker = undefined;
    this.#bridge.client = undefined;
    this.#client = undefined;
  }

  #start(): void {
    if (this.#client || !this.site) return;
    const transport = this.transport ?? (this.server ? connectToServer(this.server, this.site) : undefined);
    if (!transport) return;
    const storage = (this.#storage = this.storage ?? createIndexedDbStorage(this.site));
    const environment = readVisitorEnvironment();
    const client = new VisitorClientBase({
      siteId: this.site,
      transport,
      storage,
      ...environment,
      ...(this.member && { member: this.member }),
      navigate: (url) => this.#onPagePush(url),
    });
    // A client made again (reconnected to the page) gets the chat at once if it has loaded.
    if (this.#windowModule) client.attachChat(this.#windowModule.createVisitorChat);
    this.#client = client;
    this.#bridge.client = client;
    client.connect();
    this.#stops.push(() => client.close());
    if (!this.noTracking) {
      const tracker = (this.#tracker = createPageViewTracker({
        onPageView: (view) => client.trackPageView(view),
        onVisibility: (hidden) => client.setPageHidden(hidden),
      }));
      tracker.start();
      this.#stops.push(() => tracker.stop());
    }
    this.#stops.push(watchConnectivity({ onResume: () => client.connect() }));
    void this.#refreshTexts();
    void storage.get<boolean>(this.#openKey).then((wasOpen) => {
      if (wasOpen && !this.open) void this.show('restore');
    });
    const idle = () => {
      void this.#loadInvitation();
      if (this.preload === 'idle') void this.#loadWindow();
    };
    if ('requestIdleCallback' in window) requestIdleCallback(idle, { timeout: 4000 });
    else setTimeout(idle, 2000);
  }

  get #openKey(): string {
    return `w:${this.site}:open`;
  }

  /** Loads the rest (once): the window, and the client's chat machinery. */
  #loadWindow(): Promise<void> {
    return (this.#windowLoading ??= import('./rest-of-widget.js').then(async (module) => {
      this.#client?.attachChat(module.createVisitorChat);
      module.defineWindow();
      this.#windowModule = module;
      this.#applyTheme();
      await this.#refreshTexts();
      this.windowReady = true;
    }));
  }

  /**
   * Loads `<parley-invitation>` (once, a small chunk of its own in the
   * script-tag bundle): when the page is idle, or at once when an invitation
   * arrives. It renders empty first, so its live region is in place when the
   * invitation comes in, and the invitation is announced.
   */
  #loadInvitation(): Promise<void> {
    return (this.#invitationLoading ??= import('./invitation-slot.js').then(async (module) => {
      this.#invitationModule = module;
      this.requestUpdate();
      await this.updateComplete;
      await this.renderRoot.querySelector('parley-invitation')?.updateComplete;
      this.invitationLive = true;
    }));
  }

  async #refreshTexts(): Promise<void> {
    const version = ++this.#textsVersion;
    const siteTexts = this.#client?.settings?.texts;
    let translator: Translator;
    const instance = this.i18next;
    if (instance) {
      const { SiteI18nextController } = await import('./site-i18next-controller.js');
      this.#siteI18next ??= new SiteI18nextController(this, () => this.i18next, () => void this.#refreshTexts());
      translator = await this.#siteI18next.translator(instance, (language) => combinedOverrides(siteTexts, this.texts, language));
    } else {
      const language = resolveLanguage(this.language, navigator.languages);
      translator = await buildTranslator(language, combinedOverrides(siteTexts, this.texts, language), this.#windowModule?.fullTranslator);
    }
    if (version !== this.#textsVersion) return;
    this.#provider.set(translator);
    this.textsReady = true;
    this.requestUpdate();
  }

  #applyTheme(): void {
    const theme = { ...this.#client?.settings?.theme, ...this.theme };
    const windowSlot = this.#windowModule?.chatWindowSlotStyles;
    adoptStyles(this.renderRoot as ShadowRoot, [...ParleyChat.elementStyles, ...(windowSlot ? [windowSlot] : []), themeSheet(theme)]);
  }

  #onClientEvent(type: keyof VisitorEvents, event: unknown): void {
    switch (type) {
      case 'settings':
        void this.#refreshTexts();
        this.#applyTheme();
        return;
      case 'invite': {
        const invite = event as VisitorEvents['invite'];
        if (invite.proactive && !this.open) void this.show('proactive');
        else void this.#loadInvitation();
        return;
      }
      case 'availability':
        this.emit('parley-availability-change', { availability: event as Availability });
        return;
      case 'session': {
        const { session } = event as VisitorEvents['session'];
        // A chat going on (restored from another page or tab): its messages and unread count need the rest now.
        if (OPEN_STATES.has(session.state)) void this.#loadWindow();
        this.emit('parley-session-change', { session });
        return;
      }
      case 'messages':
        for (const message of (event as VisitorEvents['messages']).added) {
          if (!message.own) this.emit('parley-message-receive', { message });
        }
        return;
      case 'error':
        this.emit('parley-chat-error', { error: event as ParleyError });
        return;
      default:
        return;
    }
  }

  #onPagePush(url: string): void {
    const request = this.emit('parley-navigate-request', { url }, { cancelable: true });
    if (request.defaultPrevented) return;
    const target = resolvePushedUrl(url, this.#client?.settings?.pushOrigins ?? []);
    if (target) window.location.assign(target.href);
  }

  /** A request from inside (launcher, window, invitation), passed on to the page as a cancelable event of this element. */
  #request(open: boolean, source: WindowRequestSource, inner?: Event): void {
    inner?.stopPropagation();
    const request = this.emit(open ? 'parley-window-open-request' : 'parley-window-close-request', { source }, { cancelable: true });
    if (request.defaultPrevented) return;
    if (open) void this.show(source);
    else this.hide(source);
  }

  async #answerInvite(inviteId: string, accept: boolean, event: Event): Promise<void> {
    event.stopPropagation();
    const client = this.#client;
    if (!client) return;
    if (accept) void this.show('invitation');
    try {
      await client.answerInvite(inviteId, accept);
    } catch {
      // The invitation expired meanwhile; the window shows the chat's state either way.
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('language') || changed.has('texts') || changed.has('i18next')) {
      if (this.hasUpdated) void this.#refreshTexts();
    }
    if (changed.has('open') && this.open) {
      this.#everOpened = true;
      void this.#loadWindow();
    }
  }

  protected override firstUpdated(): void {
    this.#applyTheme();
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Attributes set after connecting (the script-tag boot fills them in on a page's own element).
    if (!this.#client && this.isConnected && (changed.has('site') || changed.has('server') || changed.has('transport'))) this.#start();
    if (changed.has('theme') && changed.get('theme') !== undefined) this.#applyTheme();
    if (this.open !== this.#shownOpen) {
      this.#shownOpen = this.open;
      void this.#storage?.set(this.#openKey, this.open);
      this.emit(this.open ? 'parley-window-open' : 'parley-window-close', { reason: this.#reason });
      // Focus goes back where it came from when the visitor closed the window from inside it.
      if (!this.open && this.#reason === 'window') (this.#launcherElement() ?? this.#returnFocus)?.focus();
    }
    if (this.open && this.windowReady && this.#focusOnOpen) {
      const chatWindow = this.#windowElement();
      if (chatWindow) {
        this.#focusOnOpen = false;
        void chatWindow.updateComplete.then(() => chatWindow.focusFirst());
      }
    }
  }

  #launcherElement(): Launcher | null {
    return this.renderRoot.querySelector('parley-launcher');
  }

  #windowElement(): ChatWindowElement | null {
    return this.renderRoot.querySelector('parley-chat-window') as ChatWindowElement | null;
  }

  protected override render(): TemplateResult {
    const client = this.#client;
    const translator = this.#provider.value;
    const settingsTheme = { ...client?.settings?.theme, ...this.theme };
    const invite = this.open ? undefined : client?.invites.find((i) => !i.proactive);
    const variant = this.launcher;
    const module = this.#windowModule;
    const invitationModule = this.#invitationModule;
    return html`<div
      part="base"
      class="chat chat--${this.position} ${variant === 'none' ? 'chat--no-launcher' : ''}"
      dir=${translator.dir}
      lang=${translator.language}
    >
      ${this.textsReady && variant !== 'none'
        ? html`<parley-launcher
            part="launcher"
            exportparts="base:launcher-base,icon:launcher-icon,label:launcher-label,status:launcher-status,badge:launcher-badge"
            class="chat__launcher chat__launcher--${variant}"
            variant=${variant}
            .availability=${client?.availability}
            ?expanded=${this.open}
            .unread=${this.open ? 0 : client?.unreadCount() ?? 0}
            icon=${settingsTheme['launcher-icon'] ?? ''}
            @parley-window-open-request=${(e: Event) => this.#request(true, 'launcher', e)}
            @parley-window-close-request=${(e: Event) => this.#request(false, 'launcher', e)}
          ></parley-launcher>`
        : nothing}
      ${this.textsReady && invitationModule
        ? invitationModule.renderInvitation(this.invitationLive ? invite : undefined, (id, accept, e) => void this.#answerInvite(id, accept, e))
        : nothing}
      ${this.windowReady && this.#everOpened && module
        ? module.renderChatWindow(this, settingsTheme['header-image'] ?? '', (e) => this.#request(false, 'window', e))
        : nothing}
      ${this.open && !this.windowReady && this.textsReady ? html`<p class="chat__loading" role="status">${translator.t('launcher.loading')}</p>` : nothing}
    </div>`;
  }
}

/** The focused element, looking into shadow roots. */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** `<parley-chat>`: the window opened. */
    'parley-window-open': CustomEvent<{ readonly reason: WindowChangeReason }>;
    /** `<parley-chat>`: the window closed. */
    'parley-window-close': CustomEvent<{ readonly reason: WindowChangeReason }>;
    /** `<parley-chat>`: an agent pushed a page on an allowed origin; cancelable. */
    'parley-navigate-request': CustomEvent<{ readonly url: string }>;
    /** `<parley-chat>`: a message from the other side arrived. */
    'parley-message-receive': CustomEvent<{ readonly message: ChatMessage }>;
    /** `<parley-chat>`: who can chat changed. */
    'parley-availability-change': CustomEvent<{ readonly availability: Availability }>;
    /** `<parley-chat>`: the conversation changed. */
    'parley-session-change': CustomEvent<{ readonly session: SessionInfo }>;
    /** `<parley-chat>`: the client reported a problem. */
    'parley-chat-error': CustomEvent<{ readonly error: ParleyError }>;
  }
}

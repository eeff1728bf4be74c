/**
 * Decides when the console notifies the agent (A14) and through which
 * channels, from an {@link AgentClient}'s events and the agent's prefs. The
 * channels themselves are a {@link NotificationOutput} (the browser's by
 * default), so the decisions are testable without sound or permissions.
 */
import type { AgentClient, AgentEvents, ListChange, MessagesChange, SessionInfo, TransferOffer, VisitorInfo } from '@parley/core';
import type { NotificationEvent, NotificationPrefs } from './notification-prefs.js';
import { DEFAULT_NOTIFICATION_PREFS } from './notification-prefs.js';

/** One notification, before it goes out through its channels. */
export interface Notice {
  readonly event: NotificationEvent;
  readonly title: string;
  readonly body: string;
  /** Notices with one tag replace each other (desktop notifications). */
  readonly tag: string;
  readonly sessionId?: string;
  readonly visitorId?: string;
  readonly transferId?: string;
}

/** Where notices go. */
export interface NotificationOutput {
  /** Whether the agent is looking at the console now (tab visible and focused). */
  attentive(): boolean;
  sound(event: NotificationEvent): void;
  desktop(notice: Notice): void;
  /** Flashes the tab's title until the agent looks again. */
  flashTitle(text: string): void;
}

/** What the notifier reads of the client. */
export type NotifierClient = Pick<AgentClient, 'on' | 'queue' | 'sessionById'>;

export interface AgentNotifierOptions {
  readonly client: NotifierClient;
  readonly output: NotificationOutput;
  /** Texts: `notify.*` keys of the agent texts. */
  readonly t: (key: string, values?: Readonly<Record<string, string | number>>) => string;
  readonly prefs?: NotificationPrefs;
  /** The conversation on screen: its messages do not notify while the agent looks. */
  readonly activeSession?: () => string | undefined;
  /** Return false to stop a notice (the console emits a cancelable DOM event here). */
  readonly beforeNotify?: (notice: Notice) => boolean;
  readonly now?: () => number;
}

/** Visitors who entered or messages written longer ago than this are old news (a snapshot, history). */
const FRESH_MS = 30_000;
/** At most one sound this often. */
const SOUND_GAP_MS = 1_000;

export class AgentNotifier {
  readonly #options: AgentNotifierOptions;
  readonly #now: () => number;
  #prefs: NotificationPrefs;
  #queued: ReadonlySet<string>;
  readonly #arrivals = new Set<string>();
  readonly #seenSeq = new Map<string, number>();
  readonly #offers = new Set<string>();
  #lastSound = -Infinity;
  #off: (() => void)[] = [];

  constructor(options: AgentNotifierOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#prefs = options.prefs ?? DEFAULT_NOTIFICATION_PREFS;
    this.#queued = new Set(options.client.queue.map((s) => s.id));
  }

  get prefs(): NotificationPrefs {
    return this.#prefs;
  }

  set prefs(prefs: NotificationPrefs) {
    this.#prefs = prefs;
  }

  start(): void {
    if (this.#off.length > 0) return;
    const { client } = this.#options;
    this.#off = [
      client.on('queue', (queue) => this.#onQueue(queue)),
      client.on('visitors', (change) => this.#onVisitors(change)),
      client.on('messages', (change) => this.#onMessages(change)),
      client.on('transferOffer', (offer) => this.#onOffer(offer)),
    ];
  }

  stop(): void {
    for (const off of this.#off) off();
    this.#off = [];
  }

  /** Sends a notice through the channels the agent chose for its event. */
  notify(notice: Notice): void {
    const channels = this.#prefs[notice.event];
    if (!channels.sound && !channels.desktop && !channels.title) return;
    if (this.#options.beforeNotify && !this.#options.beforeNotify(notice)) return;
    const { output } = this.#options;
    const now = this.#now();
    if (channels.sound && now - this.#lastSound >= SOUND_GAP_MS) {
      this.#lastSound = now;
      output.sound(notice.event);
    }
    if (output.attentive()) return;
    if (channels.desktop) output.desktop(notice);
    if (channels.title) output.flashTitle(notice.title);
  }

  #t(key: string, values?: Readonly<Record<string, string | number>>): string {
    return this.#options.t(key, values);
  }

  #onQueue(queue: AgentEvents['queue']): void {
    const fresh: SessionInfo[] = queue.filter((s) => !this.#queued.has(s.id));
    this.#queued = new Set(queue.map((s) => s.id));
    if (fresh.length === 0) return;
    const first = fresh[0]!;
    const name = first.fields.name;
    this.notify({
      event: 'chatRequest',
      title: this.#t('notify.chatRequest.title', { count: fresh.length }),
      body: fresh.length === 1 && name ? this.#t('notify.chatRequest.bodyNamed', { name }) : this.#t('notify.chatRequest.body', { count: fresh.length }),
      tag: 'parley-queue',
      sessionId: first.id,
      visitorId: first.visitorId,
    });
  }

  #onVisitors(change: ListChange<VisitorInfo>): void {
    const now = this.#now();
    const fresh = change.added.filter((v) => {
      const visit = `${v.id} ${v.enteredAt}`;
      if (!v.online || now - v.enteredAt > FRESH_MS || this.#arrivals.has(visit)) return false;
      this.#arrivals.add(visit);
      return true;
    });
    if (this.#arrivals.size > 10_000) this.#arrivals.clear();
    if (fresh.length === 0) return;
    const first = fresh[0]!;
    const where = first.location ?? first.currentPage?.title ?? '';
    this.notify({
      event: 'visitor',
      title: this.#t('notify.visitor.title', { count: fresh.length }),
      body: fresh.length === 1 ? this.#t('notify.visitor.body', { name: first.name ?? first.id, where }) : this.#t('notify.visitor.bodyMany', { count: fresh.length }),
      tag: 'parley-visitors',
      visitorId: first.id,
    });
  }

  #onMessages(change: MessagesChange): void {
    const { client, output, activeSession } = this.#options;
    const session = client.sessionById(change.sessionId);
    if (!session) return;
    const seen = this.#seenSeq.get(change.sessionId) ?? 0;
    let top = seen;
    const now = this.#now();
    const fresh = change.added.filter((m) => {
      if (m.seq === undefined) return false;
      top = Math.max(top, m.seq);
      return !m.own && m.author.kind === 'visitor' && m.seq > seen && now - m.at <= FRESH_MS;
    });
    this.#seenSeq.set(change.sessionId, top);
    if (fresh.length === 0) return;
    if (activeSession?.() === change.sessionId && output.attentive()) return;
    const last = fresh[fresh.length - 1]!;
    const name = session.fields.name || this.#t('notify.message.visitor');
    this.notify({
      event: 'message',
      title: this.#t('notify.message.title', { name }),
      body: last.text ?? this.#t('notify.message.file'),
      tag: `parley-session-${change.sessionId}`,
      sessionId: change.sessionId,
      visitorId: session.visitorId,
    });
  }

  #onOffer(offer: TransferOffer): void {
    if (this.#offers.has(offer.id)) return;
    this.#offers.add(offer.id);
    this.notify({
      event: 'transfer',
      title: this.#t('notify.transfer.title'),
      body: this.#t('notify.transfer.body', { name: offer.fromAgentName ?? offer.fromAgentId }),
      tag: `parley-transfer-${offer.id}`,
      sessionId: offer.sessionId,
      transferId: offer.id,
    });
  }
}

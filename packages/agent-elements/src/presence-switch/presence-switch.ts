import { html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AGENT_STATUSES, type AgentClient, type AgentEvents, type AgentStatus } from '@parley/core';
import { ClientController, LocalizeController, ParleyElement } from '@parley/widget/shared';
import { IdleController } from '../controllers/idle-controller.js';
import { presenceSwitchStyles } from './presence-switch.styles.js';

export interface PresenceDetail {
  readonly status: AgentStatus;
  /** True when the switch set it by itself (away after idle, back after). */
  readonly automatic: boolean;
}

/** The role permission that allows `invisible`. */
const INVISIBLE = 'presence.invisible';

/**
 * The agent's presence (A2): online, busy, away, and invisible for admins.
 * After `idle-seconds` without keyboard or pointer activity an online or busy
 * agent is set away, and back to what they were on their return.
 *
 * @tagname parley-presence-switch
 * @summary The agent's presence, with automatic away when idle.
 *
 * @event parley-presence-request - Before the presence changes; cancelable: `preventDefault()` keeps it. `detail: { status, automatic }`.
 * @event parley-presence-change - The hub took the new presence. `detail: { status, automatic }`.
 *
 * @csspart base - The switch.
 * @csspart indicator - The coloured dot.
 * @csspart select - The status menu.
 *
 * @cssproperty --parley-presence-online-color - Default `--parley-color-success`.
 * @cssproperty --parley-presence-busy-color - Default `--parley-color-danger`.
 * @cssproperty --parley-presence-away-color - Default `--parley-color-muted`.
 */
export class PresenceSwitch extends ParleyElement {
  static override styles = presenceSwitchStyles;

  @property({ attribute: false })
  get client(): AgentClient | undefined {
    return this.#client;
  }
  set client(client: AgentClient | undefined) {
    this.#client = client;
    this.#events.client = client;
  }

  /** Seconds without activity before going away automatically; 0 turns it off. */
  @property({ type: Number, attribute: 'idle-seconds' }) idleSeconds = 300;

  @state() private error = '';

  #client: AgentClient | undefined;
  /** What to go back to when the agent returns, while the switch set them away. */
  #beforeIdle: AgentStatus | undefined;
  readonly #events = new ClientController<AgentEvents>(this, { events: ['agent', 'status'] });
  readonly #l10n = new LocalizeController(this);
  readonly #idle = new IdleController(this, {
    timeoutMs: () => this.idleSeconds * 1000,
    onIdle: () => {
      const status = this.status;
      if (status !== 'online' && status !== 'busy') return;
      this.#beforeIdle = status;
      void this.setStatus('away', true);
    },
    onActive: () => {
      const back = this.#beforeIdle;
      this.#beforeIdle = undefined;
      if (back !== undefined && this.status === 'away') void this.setStatus(back, true);
    },
  });

  /** The agent's presence now, once welcomed. */
  get status(): AgentStatus | undefined {
    const status = this.#client?.agent?.status;
    return status === undefined || status === 'offline' ? undefined : status;
  }

  /** Whether the agent went away by idling (and will come back by itself). */
  get idle(): boolean {
    return this.#idle.idle && this.#beforeIdle !== undefined;
  }

  /** The statuses this agent may choose. */
  get choices(): readonly AgentStatus[] {
    const mayHide = this.#client?.permissions.includes(INVISIBLE) ?? false;
    return AGENT_STATUSES.filter((s) => s !== 'invisible' || mayHide || this.status === 'invisible');
  }

  /** Sets the presence as the menu does (events included). Resolves false when cancelled or refused. */
  async setStatus(status: AgentStatus, automatic = false): Promise<boolean> {
    const client = this.#client;
    if (!client) return false;
    if (this.emit('parley-presence-request', { status, automatic }, { cancelable: true }).defaultPrevented) return false;
    if (!automatic) this.#beforeIdle = undefined;
    try {
      await client.setPresence(status);
      this.error = '';
      this.emit('parley-presence-change', { status, automatic });
      return true;
    } catch {
      this.error = this.#l10n.t('presence.failed');
      return false;
    } finally {
      this.requestUpdate();
    }
  }

  protected override render(): TemplateResult {
    const t = (key: string) => this.#l10n.t(key);
    const status = this.status;
    return html`
      <div part="base" class="presence">
        <span part="indicator" class="presence__dot presence__dot--${status ?? 'offline'}" aria-hidden="true"></span>
        <label class="visually-hidden" for="status">${t('presence.label')}</label>
        <select
          id="status"
          part="select"
          .value=${status ?? ''}
          ?disabled=${status === undefined || this.#client?.status !== 'open'}
          @change=${(e: Event) => {
            const select = e.target as HTMLSelectElement;
            void this.setStatus(select.value as AgentStatus).then((ok) => {
              if (!ok) select.value = this.status ?? '';
            });
          }}
        >
          ${status === undefined ? html`<option value="">${t('presence.offline')}</option>` : ''}
          ${this.choices.map((s) => html`<option value=${s} ?selected=${s === status}>${t(`presence.${s}`)}</option>`)}
        </select>
        ${this.idle ? html`<span class="muted">${t('presence.idle')}</span>` : ''}
        ${this.error ? html`<span class="error" role="alert">${this.error}</span>` : ''}
      </div>
    `;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parley-presence-request': CustomEvent<PresenceDetail>;
    'parley-presence-change': CustomEvent<PresenceDetail>;
  }
}

/**
 * The other side's typing, kept like awareness state: each entry has a clock
 * and lapses (`active: false`) after a while without news; a message from that
 * side or a lost link clears it. Never stored.
 */
import type { Clock, TimerHandle } from '../clock.js';
import type { TypingPreviewFrame } from '../protocol/server-frames.js';
import type { Side } from './message-store.js';
import type { TypingState } from './types.js';

export class RemoteTyping {
  readonly #clock: Clock;
  readonly #expiryMs: number;
  readonly #onChange: (state: TypingState) => void;
  readonly #entries = new Map<string, { state: TypingState; timer?: TimerHandle }>();

  constructor(clock: Clock, expiryMs: number, onChange: (state: TypingState) => void) {
    this.#clock = clock;
    this.#expiryMs = expiryMs;
    this.#onChange = onChange;
  }

  get(sessionId: string): TypingState | undefined {
    return this.#entries.get(sessionId)?.state;
  }

  /** A `typing` frame from the hub; an active one lapses after a while without news. */
  apply({ type: _type, ...state }: TypingPreviewFrame): void {
    this.#set(state, state.active);
  }

  /** A message from `side` arrived: its typing is over. */
  clear(sessionId: string, side: Side): void {
    const state = this.get(sessionId);
    if (state?.side === side && (state.active || state.draft)) this.#set(stopped(state));
  }

  /** The link was lost: nothing is known any more. */
  clearAll(): void {
    for (const [sessionId, { state }] of [...this.#entries]) {
      this.#drop(sessionId);
      if (state.active || state.draft) this.#onChange(stopped(state));
    }
  }

  dispose(): void {
    for (const sessionId of [...this.#entries.keys()]) this.#drop(sessionId);
  }

  /**
   * Keeps and announces a session's state. One that expires lapses after a while
   * without news: not typing any more, though a visitor's last draft stays readable.
   */
  #set(state: TypingState, expire = false): void {
    const { sessionId } = state;
    this.#drop(sessionId);
    const lapse = () => this.#set({ ...state, active: false });
    this.#entries.set(sessionId, expire ? { state, timer: this.#clock.setTimeout(lapse, this.#expiryMs) } : { state });
    this.#onChange(state);
  }

  /** Forgets a session's state and stops its timer. */
  #drop(sessionId: string): void {
    const timer = this.#entries.get(sessionId)?.timer;
    if (timer !== undefined) this.#clock.clearTimeout(timer);
    this.#entries.delete(sessionId);
  }
}

/** The state once typing stopped and any draft was cleared. */
function stopped({ sessionId, side, draft }: TypingState): TypingState {
  return { sessionId, side, active: false, ...(draft !== undefined && { draft: '' }) };
}

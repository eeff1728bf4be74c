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

  /** A `typing` frame from the hub. */
  apply(frame: TypingPreviewFrame): void {
    const state: TypingState = {
      sessionId: frame.sessionId,
      side: frame.side,
      active: frame.active,
      ...(frame.draft !== undefined && { draft: frame.draft }),
    };
    this.#set(state, frame.active);
  }

  /** A message from `side` arrived: its typing is over. */
  clear(sessionId: string, side: Side): void {
    const entry = this.#entries.get(sessionId);
    const next = entry?.state.side === side ? stopped(entry.state) : undefined;
    if (next) this.#set(next, false);
  }

  /** The link was lost: nothing is known any more. */
  clearAll(): void {
    for (const [sessionId, entry] of [...this.#entries]) {
      this.#stop(entry.timer);
      this.#entries.delete(sessionId);
      const next = stopped(entry.state);
      if (next) this.#onChange(next);
    }
  }

  dispose(): void {
    for (const entry of this.#entries.values()) this.#stop(entry.timer);
    this.#entries.clear();
  }

  #set(state: TypingState, expire: boolean): void {
    const previous = this.#entries.get(state.sessionId);
    this.#stop(previous?.timer);
    const timer = expire ? this.#clock.setTimeout(() => this.#lapse(state.sessionId), this.#expiryMs) : undefined;
    this.#entries.set(state.sessionId, timer ? { state, timer } : { state });
    this.#onChange(state);
  }

  /** No news for a while: not typing any more; a visitor's last draft stays readable. */
  #lapse(sessionId: string): void {
    const entry = this.#entries.get(sessionId);
    if (!entry) return;
    const state: TypingState = { ...entry.state, active: false };
    this.#entries.set(sessionId, { state });
    this.#onChange(state);
  }

  #stop(timer: TimerHandle | undefined): void {
    if (timer !== undefined) this.#clock.clearTimeout(timer);
  }
}

/** The state once typing stopped and any draft was cleared; undefined when that is the state already. */
function stopped(state: TypingState): TypingState | undefined {
  if (!state.active && !state.draft) return undefined;
  return { sessionId: state.sessionId, side: state.side, active: false, ...(state.draft !== undefined && { draft: '' }) };
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Re-renders its host every second (or `intervalMs`) while connected and
 * `active()` — for wait times, countdowns and "entered at" columns — and holds
 * the `now` those renders use.
 */
export class TickController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #intervalMs: number;
  readonly #active: () => boolean;
  #timer: ReturnType<typeof setInterval> | undefined;
  #now = Date.now();

  constructor(host: ReactiveControllerHost, options: { readonly intervalMs?: number; readonly active?: () => boolean } = {}) {
    this.#host = host;
    this.#intervalMs = options.intervalMs ?? 1000;
    this.#active = options.active ?? (() => true);
    host.addController(this);
  }

  /** The time of the current render. */
  get now(): number {
    return this.#now;
  }

  hostConnected(): void {
    this.#now = Date.now();
    this.#timer = setInterval(() => {
      if (!this.#active()) return;
      this.#now = Date.now();
      this.#host.requestUpdate();
    }, this.#intervalMs);
  }

  hostUpdate(): void {
    this.#now = Date.now();
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'focus'] as const;

export interface IdleOptions {
  /** Idle after this long without keyboard or pointer activity in the window; 0 or less: never. */
  readonly timeoutMs: () => number;
  readonly onIdle: () => void;
  /** The agent is back after having been idle. */
  readonly onActive: () => void;
}

/** Tells its host when the agent has been away from the keyboard and pointer for a while, and when they are back. */
export class IdleController implements ReactiveController {
  readonly #options: IdleOptions;
  #last = Date.now();
  #idle = false;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(host: ReactiveControllerHost, options: IdleOptions) {
    this.#options = options;
    host.addController(this);
  }

  get idle(): boolean {
    return this.#idle;
  }

  hostConnected(): void {
    this.#last = Date.now();
    for (const type of ACTIVITY) window.addEventListener(type, this.#onActivity, { capture: true, passive: true });
    this.#timer = setInterval(this.#check, 1000);
  }

  hostDisconnected(): void {
    for (const type of ACTIVITY) window.removeEventListener(type, this.#onActivity, { capture: true });
    clearInterval(this.#timer);
  }

  #onActivity = (): void => {
    this.#last = Date.now();
    if (!this.#idle) return;
    this.#idle = false;
    this.#options.onActive();
  };

  #check = (): void => {
    const timeout = this.#options.timeoutMs();
    if (this.#idle || timeout <= 0 || Date.now() - this.#last < timeout) return;
    this.#idle = true;
    this.#options.onIdle();
  };
}

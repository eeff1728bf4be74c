/**
 * The browser's notification channels (A14): a short tone through Web Audio
 * (no sound file to host), a desktop `Notification` once the agent allowed
 * them, and a tab title that flashes until the agent looks.
 */
import type { Notice, NotificationOutput } from './agent-notifier.js';
import type { NotificationEvent } from './notification-prefs.js';

/** Tones per event, in Hz: chats and transfers rise, messages and arrivals are one note. */
const TONES: Readonly<Record<NotificationEvent, readonly number[]>> = {
  chatRequest: [660, 880],
  transfer: [880, 660, 880],
  message: [740],
  visitor: [520],
};

const FLASH_MS = 1_000;

export interface BrowserNotificationOutput extends NotificationOutput {
  /** Whether the title is flashing now. */
  readonly flashing: boolean;
  /** Stops the flashing title (the agent looked). */
  stopFlash(): void;
  /** Stops listening to the window. */
  dispose(): void;
}

/** Asks for desktop notifications; call from a click (browsers ignore it otherwise). */
export async function requestDesktopPermission(): Promise<NotificationPermission | 'unsupported'> {
  if (typeof Notification === 'undefined') return 'unsupported';
  if (Notification.permission !== 'default') return Notification.permission;
  return Notification.requestPermission();
}

export function createBrowserOutput(win: Window = window): BrowserNotificationOutput {
  const doc = win.document;
  let audio: AudioContext | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  let original = '';

  const stopFlash = () => {
    if (timer === undefined) return;
    clearInterval(timer);
    timer = undefined;
    doc.title = original;
  };
  const onLook = () => {
    if (output.attentive()) stopFlash();
  };
  win.addEventListener('focus', onLook);
  doc.addEventListener('visibilitychange', onLook);

  const output: BrowserNotificationOutput = {
    get flashing() {
      return timer !== undefined;
    },
    attentive: () => doc.visibilityState === 'visible' && doc.hasFocus(),
    sound(event) {
      try {
        audio ??= new AudioContext();
        if (audio.state === 'suspended') audio.resume().catch(() => undefined);
        const start = audio.currentTime;
        TONES[event].forEach((frequency, i) => {
          const oscillator = audio!.createOscillator();
          const gain = audio!.createGain();
          oscillator.frequency.value = frequency;
          const at = start + i * 0.16;
          gain.gain.setValueAtTime(0.0001, at);
          gain.gain.exponentialRampToValueAtTime(0.2, at + 0.02);
          gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.15);
          oscillator.connect(gain).connect(audio!.destination);
          oscillator.start(at);
          oscillator.stop(at + 0.16);
        });
      } catch {
        // No audio device or autoplay refused: the other channels still work.
      }
    },
    desktop(notice: Notice) {
      if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
      const shown = new Notification(notice.title, { body: notice.body, tag: notice.tag });
      shown.onclick = () => {
        win.focus();
        shown.close();
      };
    },
    flashTitle(text) {
      if (timer === undefined) original = doc.title;
      else clearInterval(timer);
      let on = true;
      doc.title = text;
      timer = setInterval(() => {
        on = !on;
        doc.title = on ? text : original;
      }, FLASH_MS);
    },
    stopFlash,
    dispose() {
      stopFlash();
      win.removeEventListener('focus', onLook);
      doc.removeEventListener('visibilitychange', onLook);
      audio?.close().catch(() => undefined);
    },
  };
  return output;
}

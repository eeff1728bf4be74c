/**
 * Which notifications an agent wants (A14): for each event, any of a sound, a
 * desktop notification and a flashing tab title.
 */

/** What can notify: a visitor arrives, a chat waits in the queue, a visitor writes, a colleague offers a chat. */
export const NOTIFICATION_EVENTS = ['visitor', 'chatRequest', 'message', 'transfer'] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export const NOTIFICATION_CHANNELS = ['sound', 'desktop', 'title'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export type NotificationPrefs = Readonly<Record<NotificationEvent, Readonly<Record<NotificationChannel, boolean>>>>;

/** Chats and transfers ring everywhere; messages ring and flash; arrivals stay quiet. */
export const DEFAULT_NOTIFICATION_PREFS: NotificationPrefs = {
  visitor: { sound: false, desktop: false, title: false },
  chatRequest: { sound: true, desktop: true, title: true },
  message: { sound: true, desktop: false, title: true },
  transfer: { sound: true, desktop: true, title: true },
};

/** The prefs with one channel of one event switched. */
export function withChannel(prefs: NotificationPrefs, event: NotificationEvent, channel: NotificationChannel, on: boolean): NotificationPrefs {
  return { ...prefs, [event]: { ...prefs[event], [channel]: on } };
}

/** Reads prefs saved as JSON, keeping defaults for anything missing or malformed. */
export function parseNotificationPrefs(json: string | null | undefined): NotificationPrefs {
  let saved: unknown;
  try {
    saved = json ? JSON.parse(json) : undefined;
  } catch {
    saved = undefined;
  }
  const out = { ...DEFAULT_NOTIFICATION_PREFS } as Record<NotificationEvent, Record<NotificationChannel, boolean>>;
  if (typeof saved !== 'object' || saved === null) return out;
  for (const event of NOTIFICATION_EVENTS) {
    const entry = (saved as Record<string, unknown>)[event];
    if (typeof entry !== 'object' || entry === null) continue;
    const channels = { ...DEFAULT_NOTIFICATION_PREFS[event] };
    for (const channel of NOTIFICATION_CHANNELS) {
      const value = (entry as Record<string, unknown>)[channel];
      if (typeof value === 'boolean') channels[channel] = value;
    }
    out[event] = channels;
  }
  return out;
}

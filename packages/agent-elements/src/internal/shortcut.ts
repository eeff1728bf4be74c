/**
 * Keyboard shortcuts written as people write them — `Alt+Z`, `Ctrl+Shift+K`,
 * `Alt+ArrowDown` — matched on the physical key for letters and digits, so
 * they work on any keyboard layout (and on macOS, where Alt changes the
 * character typed).
 */

export interface Shortcut {
  readonly alt: boolean;
  readonly ctrl: boolean;
  readonly shift: boolean;
  readonly meta: boolean;
  /** `KeyZ`, `Digit1`, or a key name (`ArrowDown`, `Enter`). */
  readonly key: string;
}

/** Parses `Alt+Z`; undefined for an empty or malformed text. */
export function parseShortcut(text: string): Shortcut | undefined {
  const parts = text.split('+').map((p) => p.trim()).filter(Boolean);
  const key = parts.pop();
  if (!key) return undefined;
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  const known = ['alt', 'option', 'ctrl', 'control', 'shift', 'meta', 'cmd'];
  if ([...mods].some((m) => !known.includes(m))) return undefined;
  const code = /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : /^\d$/.test(key) ? `Digit${key}` : key;
  return {
    alt: mods.has('alt') || mods.has('option'),
    ctrl: mods.has('ctrl') || mods.has('control'),
    shift: mods.has('shift'),
    meta: mods.has('meta') || mods.has('cmd'),
    key: code,
  };
}

export function matchesShortcut(event: KeyboardEvent, shortcut: Shortcut | undefined): boolean {
  if (!shortcut) return false;
  if (event.altKey !== shortcut.alt || event.ctrlKey !== shortcut.ctrl || event.shiftKey !== shortcut.shift || event.metaKey !== shortcut.meta) {
    return false;
  }
  return shortcut.key.startsWith('Key') || shortcut.key.startsWith('Digit') ? event.code === shortcut.key : event.key === shortcut.key;
}

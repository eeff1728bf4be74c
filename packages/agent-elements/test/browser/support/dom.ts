/** Small helpers to read and drive elements through their shadow roots, as a user would see them. */
import { waitUntil } from '@open-wc/testing';

export function $<E extends Element = HTMLElement>(host: Element, selector: string): E {
  const found = host.shadowRoot?.querySelector<E>(selector);
  if (!found) throw new Error(`no ${selector} in <${host.localName}>`);
  return found;
}

export function $$<E extends Element = HTMLElement>(host: Element, selector: string): E[] {
  return [...(host.shadowRoot?.querySelectorAll<E>(selector) ?? [])];
}

/** The text a user reads, whitespace collapsed. */
export const text = (element: Element | null | undefined): string => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Waits until `condition` holds (5 s). */
export const until = (condition: () => boolean, what: string, timeout = 5000): Promise<void> =>
  waitUntil(condition, `timed out: ${what}`, { timeout });

/** Types into an input or textarea the way a user does (value + input event). */
export function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.focus();
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** Collects the details of a DOM event. */
export function spy<T>(target: EventTarget, type: string): T[] {
  const seen: T[] = [];
  target.addEventListener(type, (e) => seen.push((e as CustomEvent<T>).detail));
  return seen;
}

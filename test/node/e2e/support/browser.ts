/**
 * Debian's Chromium through playwright-core (never a downloaded browser), and
 * small helpers that wait for what a person would see and say what was
 * missing when it does not come.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium';

/** How long a step waits for something to appear (the machine may be busy). */
export const WAIT_MS = 20_000;

export const chromiumMissing = (): string | false =>
  existsSync(CHROMIUM) ? false : `Chromium not found at ${CHROMIUM} (apt-get install -y chromium, or set PARLEY_CHROMIUM)`;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Waits until the locator's first match is visible; fails with `what`. */
export async function see(locator: Locator, what: string, timeoutMs = WAIT_MS): Promise<Locator> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: timeoutMs });
  } catch {
    throw new Error(`Expected to see ${what}, but did not within ${timeoutMs / 1000} s.`);
  }
  return locator.first();
}

/** Waits until nothing matches the locator (or nothing visible). */
export async function gone(locator: Locator, what: string, timeoutMs = WAIT_MS): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'hidden', timeout: timeoutMs });
  } catch {
    throw new Error(`Expected ${what} to go away, but it was still there after ${timeoutMs / 1000} s.`);
  }
}

/** Waits until `check` (run in the test) holds; fails with `what`. */
export async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = WAIT_MS): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (await check()) return;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Counts how often `text` occurs as a whole message bubble in a message list. */
export async function countMessages(list: Locator, text: string): Promise<number> {
  return list.locator('[part~=bubble]').filter({ hasText: text }).count();
}

/** Collects page errors (uncaught exceptions), to fail with them rather than with a timeout. */
export function recordErrors(page: Page, into: string[], label: string): void {
  page.on('pageerror', (error) => into.push(`${label}: ${error.message}`));
}

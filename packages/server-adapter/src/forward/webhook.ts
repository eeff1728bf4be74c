/**
 * Offline-message webhooks (S5): a JSON POST signed with the site's webhook
 * secret.
 *
 * To verify on the receiving side: compute HMAC-SHA256 of the raw request
 * body with the secret, compare (constant-time) its hex with
 * `X-Parley-Signature` after `sha256=`, then check that `timestamp` in the
 * body (also sent as `X-Parley-Timestamp`) is recent — the signature covers
 * it, so a replayed old delivery is recognisable — and ignore a
 * `deliveryId` already seen (retries repeat it).
 */
import { createHmac } from 'node:crypto';
import type { OfflineMessage } from '@parley/core';
import { PermanentError } from './retry.js';
import { resolvesToPrivate } from './private-address.js';

/** The JSON body of a webhook. */
export interface WebhookBody {
  readonly event: 'offline_message.created';
  /** The same across retries of one delivery. */
  readonly deliveryId: string;
  /** Unix seconds when the delivery was made (covered by the signature). */
  readonly timestamp: number;
  readonly site: { readonly id: string; readonly name: string };
  readonly offlineMessage: OfflineMessage;
}

/** The `X-Parley-Signature` value for a raw body: `sha256=<hex HMAC-SHA256>`. */
export function signWebhook(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** What one webhook attempt needs. */
export interface WebhookAttempt {
  readonly url: string;
  readonly secret: string;
  readonly body: WebhookBody;
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  readonly allowPrivateNetworks: boolean;
}

/** Statuses worth another try: the receiver is busy or broken, not refusing. */
const RETRYABLE = (status: number) => status === 408 || status === 425 || status === 429 || status >= 500;

/**
 * Posts once. Resolves on a 2xx; throws {@link PermanentError} when trying
 * again would not help (4xx, a redirect, a private address), a plain Error otherwise.
 */
export async function postWebhook(attempt: WebhookAttempt): Promise<void> {
  const url = new URL(attempt.url);
  if (!attempt.allowPrivateNetworks && (await resolvesToPrivate(url))) {
    throw new PermanentError(`The webhook host ${url.hostname} is on a private network.`);
  }
  const raw = JSON.stringify(attempt.body);
  const response = await attempt.fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'User-Agent': 'Parley-Webhook/1',
      'X-Parley-Event': attempt.body.event,
      'X-Parley-Delivery': attempt.body.deliveryId,
      'X-Parley-Timestamp': String(attempt.body.timestamp),
      'X-Parley-Signature': signWebhook(attempt.secret, raw),
    },
    body: raw,
    // A redirect could lead anywhere, including inside our network: not followed.
    redirect: 'manual',
    signal: AbortSignal.timeout(attempt.timeoutMs),
  });
  // The answer's body is not needed; reading it frees the connection.
  await response.arrayBuffer().catch(() => undefined);
  if (response.ok) return;
  const message = `The webhook answered ${response.status}.`;
  throw RETRYABLE(response.status) ? new Error(message) : new PermanentError(message);
}

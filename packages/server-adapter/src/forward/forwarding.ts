/**
 * Forwards every offline message (S5) to the site's webhook and e-mail
 * recipients, as the site's forwarding settings say, with bounded retries.
 */
import type { OfflineMessage } from '@parley/core';
import type { Hub } from '@parley/core/hub';
import type { Logger } from '../log.js';
import { newId, SERVER_ID_PREFIXES } from '../store/ids.js';
import type { ServerStore } from '../store/server-store.js';
import { createMailer, offlineMail, type Mailer, type SmtpOptions } from './email.js';
import { DEFAULT_RETRY_DELAYS_MS, withRetries } from './retry.js';
import { postWebhook } from './webhook.js';

/** Options of {@link startForwarding}. */
export interface ForwardingOptions {
  /** The mail server; without it, nothing is e-mailed (webhooks still go out). */
  readonly smtp?: SmtpOptions;
  /** Default: the global `fetch`. */
  readonly fetch?: typeof fetch;
  readonly log: Logger;
  /** Pauses between attempts; their count + 1 is the number of attempts. Default 1 s, 5 s, 30 s, 2 min. */
  readonly retryDelaysMs?: readonly number[];
  /** Per webhook attempt; default 10 s. */
  readonly timeoutMs?: number;
  /**
   * Allow webhooks to loopback and private addresses. Off by default: on a
   * server shared by many sites, a site admin must not reach the server's own
   * network. Turn on for a single-tenant server posting to internal services.
   */
  readonly allowPrivateNetworks?: boolean;
  /** Default: the system clock. */
  readonly clock?: { now(): number };
}

/**
 * Starts forwarding the hub's `offline` events. Returns `stop`, which
 * unsubscribes, cuts pending retries short and resolves once deliveries in
 * flight have settled.
 */
export function startForwarding(hub: Pick<Hub, 'events'>, store: ServerStore, options: ForwardingOptions): () => Promise<void> {
  const { log } = options;
  const fetchFn = options.fetch ?? fetch;
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const clock = options.clock ?? Date;
  const mailer: Mailer | undefined = options.smtp && createMailer(options.smtp);
  const stopping = new AbortController();
  const inFlight = new Set<Promise<void>>();

  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };

  async function forward(message: OfflineMessage): Promise<void> {
    const [site, settings] = await Promise.all([store.getSite(message.siteId), store.getForwarding(message.siteId)]);
    if (!site || !settings) return;
    const fields = { siteId: site.id, offlineMessageId: message.id };

    if (settings.webhookUrl && settings.webhookSecret) {
      const { webhookUrl: url, webhookSecret: secret } = settings;
      const deliveryId = newId(SERVER_ID_PREFIXES.delivery);
      track(
        withRetries(
          () =>
            postWebhook({
              url,
              secret,
              fetch: fetchFn,
              timeoutMs: options.timeoutMs ?? 10_000,
              allowPrivateNetworks: options.allowPrivateNetworks ?? false,
              body: {
                event: 'offline_message.created',
                deliveryId,
                timestamp: Math.floor(clock.now() / 1000),
                site: { id: site.id, name: site.name },
                offlineMessage: message,
              },
            }),
          delays,
          stopping.signal,
          (error, n, delayMs) => log.warn('forward: webhook failed, will retry', { ...fields, attempt: n + 1, delayMs, error: String(error) }),
        ).then(
          () => log.info('forward: webhook delivered', { ...fields, deliveryId }),
          (error) => log.error('forward: webhook gave up', { ...fields, deliveryId, error: String(error) }),
        ),
      );
    }

    if (mailer && settings.emails.length > 0) {
      const mail = offlineMail(site.name, message);
      track(
        withRetries(() => mailer.send({ to: settings.emails, ...mail }), delays, stopping.signal, (error, n, delayMs) =>
          log.warn('forward: e-mail failed, will retry', { ...fields, attempt: n + 1, delayMs, error: String(error) }),
        ).then(
          () => log.info('forward: e-mail sent', { ...fields, recipients: settings.emails.length }),
          (error) => log.error('forward: e-mail gave up', { ...fields, error: String(error) }),
        ),
      );
    }
  }

  const unsubscribe = hub.events.on('offline', ({ offlineMessage }) => {
    track(
      forward(offlineMessage).catch((error: unknown) =>
        log.error('forward: could not read forwarding settings', { siteId: offlineMessage.siteId, error }),
      ),
    );
  });

  return async () => {
    unsubscribe();
    stopping.abort();
    // forward() may still add deliveries while we wait; loop until quiet.
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    mailer?.close();
  };
}

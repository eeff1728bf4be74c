/** Settings a new site starts with. */
import type { SiteSettings } from './records.js';

/**
 * Sensible defaults an integrator or the server uses when creating a site:
 * service-mode routing, a name field before chatting, name / e-mail / message
 * to leave a message, a welcome message, one automatic reply after a minute,
 * no automatic invitations, typing preview off (visitors' drafts are private
 * until a site decides otherwise and says so), queued chats turning into
 * left messages after ten minutes.
 */
export function defaultSiteSettings(overrides: Partial<SiteSettings> = {}): SiteSettings {
  return {
    typingPreview: false,
    pushOrigins: [],
    preChatFields: [{ name: 'name', label: 'Name', kind: 'text', required: false }],
    offlineFields: [
      { name: 'name', label: 'Name', kind: 'text', required: true },
      { name: 'email', label: 'E-mail', kind: 'email', required: true },
      { name: 'message', label: 'Message', kind: 'textarea', required: true },
    ],
    texts: {},
    theme: {},
    routing: 'service',
    allowedOrigins: [],
    welcomeMessage: 'Hello! How can we help you today?',
    autoReply: { afterSeconds: 60, maxTimes: 1, text: 'Thanks for waiting — someone will answer you shortly.' },
    inviteRules: [],
    transferTimeoutSeconds: 60,
    inviteExpirySeconds: 120,
    queueTimeoutSeconds: 600,
    loginIpAllowList: [],
    ...overrides,
  };
}

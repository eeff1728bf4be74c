import { expect, fixture, html } from '@open-wc/testing';
import { DEFAULT_NOTIFICATION_PREFS, parseNotificationPrefs, type NotificationPrefs } from '../notifications/notification-prefs.js';
import { $, spy } from '../../test/browser/support/dom.js';
import { useAgentTexts } from '../../test/browser/support/texts.js';
import './define.js';
import type { NotificationSettings } from './notification-settings.js';

describe('<parley-notification-settings>', () => {
  before(() => useAgentTexts());

  it('switches sound, desktop and title flash per event', async () => {
    const el = await fixture<NotificationSettings>(html`<parley-notification-settings></parley-notification-settings>`);
    const changes = spy<{ prefs: NotificationPrefs }>(el, 'parley-notification-prefs-change');
    expect($<HTMLInputElement>(el, '#visitor-sound').checked).to.equal(false);
    $<HTMLInputElement>(el, '#visitor-sound').click();
    $<HTMLInputElement>(el, '#message-title').click();
    expect(changes).to.have.length(2);
    expect(changes[1]!.prefs.visitor.sound).to.equal(true);
    expect(changes[1]!.prefs.message.title).to.equal(false);
    expect(el.prefs).to.equal(changes[1]!.prefs);
    // Each checkbox is named by its event and its channel.
    expect($<HTMLInputElement>(el, '#transfer-desktop').getAttribute('aria-labelledby')).to.equal('event-transfer channel-desktop');
    await expect(el).to.be.accessible();
  });

  it('reads saved prefs, keeping defaults for anything missing or malformed', () => {
    expect(parseNotificationPrefs(null)).to.deep.equal(DEFAULT_NOTIFICATION_PREFS);
    expect(parseNotificationPrefs('{oops')).to.deep.equal(DEFAULT_NOTIFICATION_PREFS);
    const prefs = parseNotificationPrefs(JSON.stringify({ visitor: { sound: true, desktop: 'yes' }, bogus: {} }));
    expect(prefs.visitor).to.deep.equal({ sound: true, desktop: false, title: false });
    expect(prefs.chatRequest).to.deep.equal(DEFAULT_NOTIFICATION_PREFS.chatRequest);
  });
});

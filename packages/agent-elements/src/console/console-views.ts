/** The console's views, as templates over the signed-in agent's client and the console's choices. */
import { html, nothing, type TemplateResult } from 'lit';
import type { AgentClient, SessionInfo } from '@parley/core';
import type { OfflineMessageDetail } from '../offline-messages/offline-messages.js';
import type { NotificationPrefs } from '../notifications/notification-prefs.js';
import type { ConsoleServices } from './console-services.js';

export type ConsoleView = 'chats' | 'visitors' | 'offline' | 'settings';

export interface ViewContext {
  readonly view: ConsoleView;
  readonly client: AgentClient;
  readonly services: ConsoleServices;
  readonly selectedSession: string | undefined;
  readonly selectedVisitor: string | undefined;
  readonly shortcut: string;
  readonly prefs: NotificationPrefs;
  readonly t: (key: string) => string;
  selectSession(sessionId: string | undefined): void;
  selectVisitor(visitorId: string): void;
  openSession(sessionId: string): void;
  openVisitor(visitorId: string): void;
  nextConversation(): void;
  onPrefs(prefs: NotificationPrefs): void;
  onOfflineReplied(id: string): void;
}

export function renderView(c: ViewContext): TemplateResult {
  const { client, services } = c;
  switch (c.view) {
    case 'chats': {
      const selected: SessionInfo | undefined = c.selectedSession === undefined ? undefined : client.sessionById(c.selectedSession);
      return html`<div class="console__body console__body--chats">
        <div part="sidebar" class="console__column">
          <parley-transfer-offers .client=${client} @parley-transfer-answer=${(e: CustomEvent<{ accept: boolean; session: SessionInfo }>) =>
            e.detail.accept && c.openSession(e.detail.session.id)}></parley-transfer-offers>
          <parley-queue .client=${client} @parley-session-accept=${(e: CustomEvent<{ session: SessionInfo }>) => c.openSession(e.detail.session.id)}></parley-queue>
          <parley-conversation-list
            .client=${client}
            .selected=${c.selectedSession}
            shortcut=${c.shortcut}
            @parley-conversation-select=${(e: CustomEvent<{ sessionId: string }>) => c.selectSession(e.detail.sessionId)}
            @parley-conversation-close=${() => c.selectSession(undefined)}
          ></parley-conversation-list>
        </div>
        <main part="main" class="console__column console__main">
          <parley-conversation
            .client=${client}
            session-id=${c.selectedSession ?? ''}
            .cannedSource=${services.canned}
            .upload=${services.upload}
            .capture=${services.capture}
            @parley-conversation-next=${() => c.nextConversation()}
          ></parley-conversation>
        </main>
        <aside part="context" class="console__column" aria-label=${c.t('console.context')}>
          <parley-visitor-context .client=${client} visitor-id=${selected?.visitorId ?? ''}></parley-visitor-context>
        </aside>
      </div>`;
    }
    case 'visitors':
      return html`<div class="console__body console__body--visitors">
        <main part="main" class="console__column console__main">
          <parley-visitor-list
            .client=${client}
            .selected=${c.selectedVisitor}
            @parley-visitor-select=${(e: CustomEvent<{ visitorId: string }>) => c.selectVisitor(e.detail.visitorId)}
            @parley-visitor-open=${(e: CustomEvent<{ visitorId: string }>) => c.openVisitor(e.detail.visitorId)}
          ></parley-visitor-list>
        </main>
        <aside part="context" class="console__column" aria-label=${c.t('console.context')}>
          <parley-reach-out .client=${client} visitor-id=${c.selectedVisitor ?? ''}></parley-reach-out>
          <parley-visitor-context .client=${client} visitor-id=${c.selectedVisitor ?? ''}></parley-visitor-context>
        </aside>
      </div>`;
    case 'offline':
      return html`<div class="console__body console__body--offline">
        <main part="main" class="console__column console__main">
          <parley-offline-messages
            .client=${client}
            .service=${services.offline}
            @parley-offline-replied=${(e: CustomEvent<OfflineMessageDetail>) => c.onOfflineReplied(e.detail.message.id)}
          ></parley-offline-messages>
        </main>
      </div>`;
    case 'settings':
      return html`<div class="console__body console__body--settings">
        <parley-notification-settings
          class="console__column"
          .prefs=${c.prefs}
          @parley-notification-prefs-change=${(e: CustomEvent<{ prefs: NotificationPrefs }>) => c.onPrefs(e.detail.prefs)}
        ></parley-notification-settings>
        ${client.permissions.includes('site.manage')
          ? html`<parley-auto-replies class="console__column" .client=${client} .load=${services.loadAutoReplies} .save=${services.saveAutoReplies}></parley-auto-replies>`
          : nothing}
      </div>`;
  }
}

import { html, type TemplateResult } from 'lit';

import { httpUploader } from '../chat-window/window-chunk.js';
import type { ParleyChat } from './chat.js';

export { chatWindowSlotStyles } from './chat-window-slot.styles.js';

/**
 * `<parley-chat>`'s window, as it places it: rendered from the rest-of-widget
 * chunk, so the window's template and its wiring (uploads, screenshot, parts)
 * are not in what every visitor downloads first. It reads the chat's public
 * properties; `headerImage` comes from the theme and `onCloseRequest` from
 * the chat, which passes the request on to the page.
 */
export function renderChatWindow(chat: ParleyChat, headerImage: string, onCloseRequest: (event: Event) => void): TemplateResult {
  const { client, server } = chat;
  const uploadFile = chat.uploadFile ?? (server && client ? httpUploader(server, client) : undefined);
  return html`<parley-chat-window
    part="window"
    exportparts="base:window-base,header:window-header,title:window-title,body:window-body"
    class="chat__window"
    ?hidden=${!chat.open}
    .client=${client}
    .groupId=${chat.group}
    .uploadFile=${uploadFile}
    .maxFileSize=${chat.maxFileSize}
    .accept=${chat.accept}
    .noScreenshot=${chat.noScreenshot}
    .screenshotIgnore=${chat}
    .headerImage=${headerImage}
    @parley-window-close-request=${onCloseRequest}
  ></parley-chat-window>`;
}

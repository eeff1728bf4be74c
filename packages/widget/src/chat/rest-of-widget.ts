/**
 * What `<parley-chat>` loads when the chat is first needed (first opened, the
 * page idle, or a chat going on): the window chunk (window, forms, full
 * translator, uploads) and the visitor client's chat (its commands, and the
 * machinery behind them: messages, outbox, transcripts, typing), and how `<parley-chat>` places the window
 * (`chat-window-slot.ts`). One dynamic import, so the script-tag bundle ships
 * them as one file: they are needed at the same moment, and one file
 * compresses better than two.
 */
export * from '../chat-window/window-chunk.js';
export { renderChatWindow, chatWindowSlotStyles } from './chat-window-slot.js';
export { createVisitorChat } from '@parley/core';

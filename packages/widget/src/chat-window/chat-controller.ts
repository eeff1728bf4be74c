import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  createVisitorChat,
  ERROR_CODES,
  ParleyError,
  type SessionInfo,
  type VisitorChat,
  type VisitorClientBase,
  type VisitorEvents,
} from '@parley/core';

import { ClientController } from '../base/client-controller.js';
import { capturePage } from '../screenshot/capture.js';
import { UploadQueue, type UploadLimits } from '../upload/upload-queue.js';
import type { Uploader } from '../upload/uploader.js';

/** What the window shows. */
export type WindowView = 'offline-form' | 'offline-sent' | 'pre-chat' | 'conversation';

/** A screenshot taken and shown before it is sent (V13). */
export interface ScreenshotPreview {
  readonly blob: Blob;
  /** A `blob:` URL for the preview image; revoked when sent or discarded. */
  readonly url: string;
}

const OPEN: ReadonlySet<SessionInfo['state']> = new Set(['queued', 'active', 'transferring']);

/** What the controller needs from the window it serves. */
export interface ChatHost extends ReactiveControllerHost {
  readonly hidden: boolean | string;
  readonly groupId: string;
  readonly uploadFile: Uploader | undefined;
  readonly uploadLimits: UploadLimits;
}

/**
 * The visitor's chat as the window needs it: which view to show, and the
 * actions behind the window's controls (start the chat, send, upload, take a
 * screenshot, rate, leave a message). The window stays a view of this state.
 */
export class ChatController implements ReactiveController {
  readonly #host: ChatHost;
  readonly #bridge: ClientController<VisitorEvents>;
  readonly uploads: UploadQueue;
  #commands: VisitorChat | undefined;

  /** The visitor chose (or was sent to) the leave-a-message form. */
  leaveMessage = false;
  /** Why the offline form shows instead of a chat: nobody could take it. */
  noAgent = false;
  offlineSent = false;
  /** The visitor asked for a new chat after one ended. */
  newChat = false;
  /** The pre-chat form's answers, kept to start the chat. */
  answers: Readonly<Record<string, string>> | undefined;
  /** What the visitor typed before the chat could start (offered to the offline form). */
  pendingText = '';
  busy = false;
  /** A problem to show, as a text key. */
  problem = '';
  ratingRequested = false;
  screenshot: ScreenshotPreview | undefined;
  screenshotBusy = false;

  constructor(host: ChatHost) {
    this.#host = host;
    this.uploads = new UploadQueue(() => host.requestUpdate());
    this.#bridge = new ClientController<VisitorEvents>(host, {
      events: ['status', 'settings', 'availability', 'session', 'messages', 'typing', 'ratingRequest', 'transfer'],
      onEvent: (type) => {
        if (type === 'ratingRequest') this.ratingRequested = true;
        if (type === 'session' && this.isOpen) this.newChat = false;
      },
    });
    host.addController(this);
  }

  get client(): VisitorClientBase | undefined {
    return this.#bridge.client as VisitorClientBase | undefined;
  }

  /** Takes the client, and attaches its chat (commands, messages) if it has none yet: the window is where the chat happens. */
  set client(client: VisitorClientBase | undefined) {
    this.#bridge.client = client;
    this.#commands = client?.attachChat(createVisitorChat);
  }

  /** The session shown: the open one, else the last one (to rate it), unless a new chat was asked for. */
  get session(): SessionInfo | undefined {
    const session = this.client?.session;
    if (!session || (this.newChat && !OPEN.has(session.state))) return undefined;
    return session;
  }

  get isOpen(): boolean {
    const session = this.client?.session;
    return session !== undefined && OPEN.has(session.state);
  }

  get view(): WindowView {
    if (this.offlineSent) return 'offline-sent';
    if (this.session) return 'conversation';
    const client = this.client;
    if (this.leaveMessage || client?.availability === 'offline') return 'offline-form';
    if ((client?.settings?.preChatFields.length ?? 0) > 0 && !this.answers) return 'pre-chat';
    return 'conversation';
  }

  hostConnected(): void {}

  hostUpdated(): void {
    // Messages seen in an open, visible window are read.
    const client = this.client;
    if (client && !this.#host.hidden && document.visibilityState === 'visible' && client.unreadCount() > 0) this.#commands?.markRead();
  }

  /** Starts the chat with the pre-chat answers; without an agent, turns to the offline form. */
  async startChat(answers: Readonly<Record<string, string>>): Promise<boolean> {
    const client = this.#commands;
    if (!client) return false;
    this.answers = answers;
    return this.#run(async () => {
      await client.requestChat(answers, this.#host.groupId ? { groupId: this.#host.groupId } : {});
      this.newChat = false;
    });
  }

  /** Sends a message, starting the chat first when there is none. */
  async send(text: string): Promise<boolean> {
    const client = this.#commands;
    if (!client) return false;
    if (!this.isOpen) {
      this.pendingText = text;
      if (!(await this.startChat(this.answers ?? {}))) return false;
    }
    this.pendingText = '';
    client.send(text);
    return true;
  }

  setDraft(value: string): void {
    if (this.isOpen) this.#commands?.setDraft(value);
  }

  async leave(fields: Readonly<Record<string, string>>): Promise<void> {
    const client = this.#commands;
    if (!client) return;
    if (await this.#run(() => client.leaveMessage(fields))) {
      this.offlineSent = true;
      this.#host.requestUpdate();
    }
  }

  async rate(score: number, comment?: string): Promise<void> {
    const client = this.#commands;
    if (!client) return;
    // The form stays up (as a thank-you, since the session now has its rating) until the chat ends.
    if (await this.#run(() => client.rate(score, comment))) this.#host.requestUpdate();
  }

  async end(): Promise<void> {
    const client = this.#commands;
    if (client && this.isOpen) await this.#run(() => client.end());
  }

  /** Back to the start after a chat ended or a message was left. */
  startOver(): void {
    this.newChat = true;
    this.offlineSent = false;
    this.leaveMessage = false;
    this.noAgent = false;
    this.answers = undefined;
    this.ratingRequested = false;
    this.#host.requestUpdate();
  }

  /** Uploads files and sends each as a message (V12). */
  async sendFiles(files: readonly Blob[], names: readonly string[]): Promise<void> {
    const client = this.client;
    const commands = this.#commands;
    const uploader = this.#host.uploadFile;
    if (!client || !commands || !uploader) return;
    if (!this.isOpen && !(await this.startChat(this.answers ?? {}))) return;
    const sessionId = client.session!.id;
    await Promise.all(
      files.map(async (file, i) => {
        const attachment = await this.uploads.upload(file, names[i] ?? 'file', sessionId, uploader, this.#host.uploadLimits);
        if (attachment && this.isOpen) commands.send({ attachments: [attachment] });
      }),
    );
  }

  /** Captures the page (without the chat) for the visitor to check before sending (V13). */
  async takeScreenshot(ignore?: Element): Promise<void> {
    this.screenshotBusy = true;
    this.problem = '';
    this.#host.requestUpdate();
    try {
      const blob = await capturePage(ignore);
      this.discardScreenshot();
      this.screenshot = { blob, url: URL.createObjectURL(blob) };
    } catch {
      this.problem = 'screenshot.failed';
    } finally {
      this.screenshotBusy = false;
      this.#host.requestUpdate();
    }
  }

  async sendScreenshot(): Promise<void> {
    const shot = this.screenshot;
    if (!shot) return;
    this.discardScreenshot();
    await this.sendFiles([shot.blob], [`screenshot-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.png`]);
  }

  discardScreenshot(): void {
    if (this.screenshot) URL.revokeObjectURL(this.screenshot.url);
    this.screenshot = undefined;
    this.#host.requestUpdate();
  }

  /** Runs a command; `no_agent_available` turns to the offline form, other failures show a problem. */
  async #run(command: () => Promise<unknown>): Promise<boolean> {
    this.busy = true;
    this.problem = '';
    this.#host.requestUpdate();
    try {
      await command();
      return true;
    } catch (error) {
      if (error instanceof ParleyError && error.code === ERROR_CODES.noAgentAvailable) {
        this.leaveMessage = true;
        this.noAgent = true;
      } else {
        this.problem = error instanceof ParleyError && error.code === ERROR_CODES.invalidForm ? 'window.invalidForm' : 'window.error';
      }
      return false;
    } finally {
      this.busy = false;
      this.#host.requestUpdate();
    }
  }
}

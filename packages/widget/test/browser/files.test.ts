import { expect } from '@open-wc/testing';
import type { Attachment } from '@parley/core';

import { createHttpUploader } from '../../src/upload/http-uploader.js';
import { UploadError, type Uploader } from '../../src/upload/uploader.js';
import { chatFixture, expectAccessible, inWindow, memoryUploader, until } from './support/chat-fixture.js';
import { startInPageHub, type InPageHub } from './support/in-page-hub.js';

const png = (name: string, bytes = 64) => new File([new Uint8Array(bytes)], name, { type: 'image/png' });

describe('files (V12)', () => {
  let hub: InPageHub;
  afterEach(() => hub?.close());

  async function chatting(uploadFile: Uploader, attributes: Record<string, string> = {}) {
    hub = await startInPageHub({ settings: { preChatFields: [] } });
    const ada = await hub.agent('agt_ada');
    const chat = await chatFixture(hub, { uploadFile, attributes });
    await chat.show();
    await until(() => inWindow(chat, 'parley-composer'), 'the composer');
    const composer = inWindow<HTMLElement & { value: string; send(): void }>(chat, 'parley-composer')!;
    composer.value = 'Here are the photos';
    composer.send();
    await until(() => ada.sessions.length === 1, 'the chat');
    return { ada, chat, sessionId: ada.sessions[0]!.id };
  }

  it('sends files chosen with the picker, dropped or pasted, with progress, and the agent gets them as messages', async () => {
    const uploaded: { name: string; size: number }[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const base = memoryUploader(uploaded);
    const slow: Uploader = async (request) => {
      request.onProgress?.(0.4);
      await gate;
      return base(request);
    };
    const { ada, chat, sessionId } = await chatting(slow);
    const composer = inWindow(chat, 'parley-composer')!;
    const picker = composer.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
    const transfer = new DataTransfer();
    transfer.items.add(png('front.png'));
    picker.files = transfer.files;
    picker.dispatchEvent(new Event('change'));
    await until(() => inWindow(chat, '.window__upload progress'), 'the progress bar');
    expect(inWindow(chat, '.window__upload')!.textContent).to.contain('Sending front.png: 40%');
    await expectAccessible(chat);
    release();

    const drop = new DataTransfer();
    drop.items.add(png('side.png'));
    composer.shadowRoot!.querySelector('[part=base]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: drop, bubbles: true, cancelable: true }));
    const paste = new DataTransfer();
    paste.items.add(png('back.png'));
    composer.shadowRoot!.querySelector('textarea')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: paste, bubbles: true, cancelable: true }));

    const names = () => ada.messages(sessionId).flatMap((m) => m.attachments?.map((a) => a.name) ?? []);
    await until(() => names().length === 3, 'three attachments at the agent');
    expect(names().sort()).to.deep.equal(['back.png', 'front.png', 'side.png']);
    await until(() => !inWindow(chat, '.window__upload'), 'the uploads list to empty');
    await until(() => inWindow(chat, 'parley-message-list')!.shadowRoot!.querySelectorAll('img[part=image]').length === 3, 'the images inline');
  });

  it('says clearly when a file is too large or of a type not accepted, before uploading anything', async () => {
    const uploaded: { name: string; size: number }[] = [];
    const { chat } = await chatting(memoryUploader(uploaded), { 'max-file-size': '1000', accept: 'image/*,.pdf' });
    const window = inWindow(chat, 'parley-composer')!;
    const transfer = new DataTransfer();
    transfer.items.add(png('huge.png', 5000));
    transfer.items.add(new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' }));
    window.dispatchEvent(new CustomEvent('parley-files-select', { detail: { files: [...transfer.files], source: 'picker' }, bubbles: true, composed: true }));
    await until(() => inWindow(chat, '[data-upload-error=bad-type]'), 'the errors');
    expect(inWindow(chat, '[data-upload-error=too-large]')!.textContent).to.contain('huge.png is too large: files can be at most 1 kB.');
    expect(inWindow(chat, '[data-upload-error=bad-type]')!.textContent).to.contain('setup.exe cannot be sent: this type of file is not accepted.');
    expect(uploaded).to.deep.equal([]);
    await expectAccessible(chat);
    inWindow<HTMLButtonElement>(chat, '[data-upload-error=bad-type] button')!.click();
    await until(() => !inWindow(chat, '[data-upload-error=bad-type]'), 'dismissed');
  });

  it("the HTTP uploader posts the raw file to the server with the visitor's token, and maps 413/415", async () => {
    const sent: { url: string; headers: Record<string, string>; body: unknown }[] = [];
    let status = 201;
    const attachment: Attachment = { id: 'file_1', name: 'a.png', type: 'image/png', size: 4, url: 'https://chat.example/api/files/file_1?sig=x' };
    class FakeXhr extends EventTarget {
      upload = { onprogress: null as ((e: ProgressEvent) => void) | null };
      onload: (() => void) | null = null;
      onerror: (() => void) | null = null;
      onabort: (() => void) | null = null;
      status = 0;
      responseText = '';
      #url = '';
      #headers: Record<string, string> = {};
      open(_method: string, url: string) {
        this.#url = url;
      }
      setRequestHeader(name: string, value: string) {
        this.#headers[name] = value;
      }
      send(body: unknown) {
        sent.push({ url: this.#url, headers: this.#headers, body });
        this.upload.onprogress?.(new ProgressEvent('progress', { lengthComputable: true, loaded: 2, total: 4 }));
        this.status = status;
        this.responseText = JSON.stringify(attachment);
        setTimeout(() => this.onload?.());
      }
      abort() {
        this.onabort?.();
      }
    }
    const original = window.XMLHttpRequest;
    window.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
    try {
      const upload = createHttpUploader({ serverUrl: 'https://chat.example/', token: async () => 'tok_123' });
      const progress: number[] = [];
      const file = png('a b.png', 4);
      expect(await upload({ file, name: 'a b.png', sessionId: 'ses_1', onProgress: (p) => progress.push(p) })).to.deep.equal(attachment);
      expect(sent[0]!.url).to.equal('https://chat.example/api/files?sessionId=ses_1&name=a%20b.png');
      expect(sent[0]!.headers).to.deep.equal({ Authorization: 'Visitor tok_123', 'Content-Type': 'image/png' });
      expect(sent[0]!.body).to.equal(file);
      expect(progress).to.deep.equal([0.5]);
      for (const [code, expected] of [
        [413, 'too-large'],
        [415, 'bad-type'],
        [500, 'failed'],
      ] as const) {
        status = code;
        const error = await upload({ file, name: 'a.png', sessionId: 'ses_1' }).catch((e: unknown) => e);
        expect(error).to.be.instanceOf(UploadError);
        expect((error as UploadError).code).to.equal(expected);
      }
    } finally {
      window.XMLHttpRequest = original;
    }
  });
});

import { expect } from '@open-wc/testing';
import { createStore, get } from 'idb-keyval';

import { createIndexedDbStorage } from '../../src/browser/index.js';

const namespace = (name: string) => `test-${name}-${Math.random().toString(36).slice(2, 10)}`;

/** Runs `body` with `window.indexedDB` replaced, and console.warn recorded. */
async function withIndexedDb(value: unknown, body: (warnings: string[]) => Promise<void>): Promise<void> {
  const owner = Object.hasOwn(window, 'indexedDB') ? window : Window.prototype;
  const descriptor = Object.getOwnPropertyDescriptor(owner, 'indexedDB');
  const warn = console.warn;
  const warnings: string[] = [];
  console.warn = (...data: unknown[]) => warnings.push(data.map(String).join(' '));
  Object.defineProperty(window, 'indexedDB', { configurable: true, value });
  try {
    await body(warnings);
  } finally {
    console.warn = warn;
    if (owner === window && descriptor) Object.defineProperty(window, 'indexedDB', descriptor);
    else Reflect.deleteProperty(window, 'indexedDB');
  }
}

describe('createIndexedDbStorage', () => {
  it('gets, sets and deletes values, as copies', async () => {
    const storage = createIndexedDbStorage(namespace('basics'));
    const value = { token: 'vis_1', seqs: { ses_a: 3 } };
    await storage.set('identity', value);
    value.seqs.ses_a = 99;
    expect(await storage.get('identity')).to.deep.equal({ token: 'vis_1', seqs: { ses_a: 3 } });
    expect(await storage.get('missing')).to.equal(undefined);
    await storage.delete('identity');
    expect(await storage.get('identity')).to.equal(undefined);
  });

  it('keeps values across storage instances, as across a reload', async () => {
    const name = namespace('reload');
    const before = createIndexedDbStorage(name);
    await before.set('visitor', { token: 'vis_abc' });
    await before.set('outbox:msg_1', { text: 'hello?' });
    const after = createIndexedDbStorage(name);
    expect(await after.get('visitor')).to.deep.equal({ token: 'vis_abc' });
    expect(await after.entries('outbox:')).to.deep.equal([['outbox:msg_1', { text: 'hello?' }]]);
  });

  it('stores in its own IndexedDB database, parley-<namespace>', async () => {
    const name = namespace('database');
    await createIndexedDbStorage(name).set('k', 42);
    expect(await get('k', createStore(`parley-${name}`, 'kv'))).to.equal(42);
  });

  it('lists the entries whose key starts with a prefix, and only those', async () => {
    const storage = createIndexedDbStorage(namespace('prefix'));
    const keys = ['seq:ses_2', 'seq:ses_1', 'seq', 'seq;', 'seqs:x', 'outbox:msg_1', 'token', 'seq:\uffff\uffff'];
    for (const key of keys) await storage.set(key, key.length);
    expect(await storage.entries('seq:')).to.deep.equal([
      ['seq:ses_1', 9],
      ['seq:ses_2', 9],
      ['seq:\uffff\uffff', 6],
    ]);
    expect((await storage.entries('')).map(([key]) => key)).to.have.members(keys);
    expect(await storage.entries('nothing:')).to.deep.equal([]);
  });

  it('keeps namespaces apart', async () => {
    const one = createIndexedDbStorage(namespace('one'));
    const two = createIndexedDbStorage(namespace('two'));
    await one.set('token', 'of one');
    await two.set('token', 'of two');
    expect(await one.get('token')).to.equal('of one');
    expect(await two.get('token')).to.equal('of two');
    await one.delete('token');
    expect(await two.get('token')).to.equal('of two');
    expect(await one.entries('')).to.deep.equal([]);
  });

  it('falls back to memory, and warns once, without IndexedDB', async () => {
    await withIndexedDb(undefined, async (warnings) => {
      const storage = createIndexedDbStorage(namespace('none'));
      await storage.set('seq:ses_1', 4);
      expect(await storage.get('seq:ses_1')).to.equal(4);
      expect(await storage.entries('seq:')).to.deep.equal([['seq:ses_1', 4]]);
      await createIndexedDbStorage(namespace('none-again')).get('x');
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('indexeddb-unavailable');
    });
  });

  it('falls back to memory when IndexedDB refuses to open', async () => {
    const refusing = {
      open() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    };
    await withIndexedDb(refusing, async () => {
      const storage = createIndexedDbStorage(namespace('refused'));
      await storage.set('k', 'v');
      expect(await storage.get('k')).to.equal('v');
    });
  });

  it('falls back to memory when opening fails later (private modes)', async () => {
    const failing = {
      open() {
        const request = { error: new DOMException('A mutation operation was attempted', 'InvalidStateError') } as {
          error: DOMException;
          onerror?: () => void;
        };
        setTimeout(() => request.onerror?.());
        return request;
      },
    };
    await withIndexedDb(failing, async () => {
      const storage = createIndexedDbStorage(namespace('private'));
      await storage.set('k', 'v');
      expect(await storage.get('k')).to.equal('v');
    });
  });
});

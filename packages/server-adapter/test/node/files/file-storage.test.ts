import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { test } from 'node:test';
import { createDiskFileStorage, FileTooLargeError, UploadAbortedError } from '../../../src/files/file-storage.js';
import { tempDir } from '../store/support/temp.js';

const listAll = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => statSync(join(dir, p)).isFile());

test('writes a stream under its key, reads it back, removes it', async (t) => {
  const dir = tempDir(t);
  const storage = createDiskFileStorage(join(dir, 'files'));
  const { size } = await storage.write('site_a/fil_1', Readable.from([Buffer.from('hello '), Buffer.from('world')]), 100);
  assert.equal(size, 11);
  assert.equal(readFileSync(join(dir, 'files', 'site_a', 'fil_1'), 'utf8'), 'hello world');
  const stream = await storage.read('site_a/fil_1');
  assert.ok(stream);
  let text = '';
  for await (const chunk of stream) text += chunk;
  assert.equal(text, 'hello world');
  await storage.remove('site_a/fil_1');
  assert.equal(await storage.read('site_a/fil_1'), undefined);
  await storage.remove('site_a/fil_1');
});

test('past the limit: rejected at once, nothing left, the source paused not destroyed', async (t) => {
  const dir = tempDir(t);
  const storage = createDiskFileStorage(dir);
  const source = new PassThrough();
  const written = storage.write('site_a/fil_2', source, 1000);
  source.write(Buffer.alloc(600));
  source.write(Buffer.alloc(600)); // passes the limit: must not be written
  await assert.rejects(written, FileTooLargeError);
  assert.deepEqual(listAll(dir), [], 'the partial file is removed');
  assert.equal(source.destroyed, false, 'the caller can still answer');
  assert.equal(source.isPaused(), true);
});

test('a source that ends early leaves nothing', async (t) => {
  const dir = tempDir(t);
  const storage = createDiskFileStorage(dir);
  const source = new PassThrough();
  const written = storage.write('site_a/fil_3', source, 1000);
  source.write(Buffer.alloc(10));
  source.destroy();
  await assert.rejects(written, UploadAbortedError);
  assert.deepEqual(listAll(dir), []);
});

test('keys cannot leave the folder', async (t) => {
  const storage = createDiskFileStorage(tempDir(t));
  for (const key of ['../x', 'a/../../x', '/etc/passwd', 'a/./b', 'a\\b', '', 'a/b/c/d/e']) {
    await assert.rejects(storage.write(key, Readable.from([]), 10), /Invalid file key/, key);
  }
  await assert.rejects(storage.read('../x'), /Invalid file key/);
});

import { strict as assert } from 'node:assert';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { sniffFile } from '../../../src/files/sniff.js';
import { CFB, DOCX, GIF, HTML, JPEG, PDF, PNG, SVG, TEXT, WEBP, XML, ZIP } from './support/samples.js';

const sniff = (bytes: Buffer, name = 'file', chunk = 7) =>
  sniffFile(async () => Readable.from(chunked(bytes, chunk), { objectMode: false }), name);

function* chunked(bytes: Buffer, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const typeOf = async (bytes: Buffer, name?: string) => {
  const result = await sniff(bytes, name);
  return result.ok ? result.type.mime : `refused: ${result.reason}`;
};

test('accepted kinds are recognised by content, whatever the name', async () => {
  assert.equal(await typeOf(PNG, 'photo.jpg'), 'image/png');
  assert.equal(await typeOf(JPEG), 'image/jpeg');
  assert.equal(await typeOf(GIF), 'image/gif');
  assert.equal(await typeOf(WEBP), 'image/webp');
  assert.equal(await typeOf(PDF), 'application/pdf');
  assert.equal(await typeOf(ZIP), 'application/zip');
  assert.equal(await typeOf(DOCX, 'letter.docx'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  assert.equal(await typeOf(TEXT, 'notes.txt'), 'text/plain; charset=utf-8');
  assert.equal(await typeOf(CFB, 'old.doc'), 'application/msword');
});

test('SVG, HTML, XML and scripts are refused, even named .png or .txt', async () => {
  for (const [bytes, name] of [
    [SVG, 'cat.png'], [HTML, 'cat.png'], [XML, 'data.txt'], [HTML, 'page.html'],
    [Buffer.from('#!/bin/sh\nrm -rf ~\n'), 'run.txt'],
    [Buffer.from('\n\n   <div onclick="x()">hi</div>'), 'a.txt'],
    [Buffer.from('Hello\n' + 'a'.repeat(5000) + '<ScRiPt>alert(1)</script>'), 'a.txt'],
    [Buffer.from('\uFEFF<html>'), 'bom.txt'],
  ] as const) {
    assert.match(await typeOf(bytes, name), /^refused/, `${name}: ${bytes.subarray(0, 20).toString()}`);
  }
});

test('a tag split across chunks is still seen', async () => {
  const bytes = Buffer.from('x'.repeat(100) + '<script>');
  for (let size = 1; size < 12; size++) assert.equal((await sniff(bytes, 'a.txt', size)).ok, false, `chunk ${size}`);
});

test('text must be valid UTF-8 without NUL', async () => {
  assert.match(await typeOf(Buffer.from([0x48, 0x69, 0xff, 0xfe]), 'a.txt'), /^refused/);
  assert.match(await typeOf(Buffer.from('abc\0def'), 'a.txt'), /^refused/);
  assert.equal(await typeOf(Buffer.from('ünïcödé 😀 split'), 'a.txt'), 'text/plain; charset=utf-8', 'multi-byte characters across chunks');
});

test('other binary kinds are refused; a CFB is accepted only as a legacy Office name', async () => {
  assert.match(await typeOf(CFB, 'setup.msi'), /^refused/);
  assert.match(await typeOf(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]), 'x.png'), /^refused/);
  assert.match(await typeOf(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array(60).fill(0)]), 'x'), /^refused/);
});

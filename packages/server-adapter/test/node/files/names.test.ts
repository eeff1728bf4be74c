import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { createFileCapabilities } from '../../../src/files/capability.js';
import { cleanFileName, contentDisposition, nameForType } from '../../../src/files/file-name.js';
import { ACCEPTED_TYPES, PLAIN_TEXT } from '../../../src/files/file-types.js';

test('file names: last segment, no control or bidi characters, bounded', () => {
  assert.equal(cleanFileName('../../etc/passwd'), 'passwd');
  assert.equal(cleanFileName('C:\\Users\\bo\\report.pdf'), 'report.pdf');
  assert.equal(cleanFileName('evil\u202Egnp.exe'), 'evilgnp.exe');
  assert.equal(cleanFileName('a\r\nb"c.txt'), 'abc.txt');
  assert.equal(cleanFileName('.htaccess'), 'htaccess');
  assert.equal(cleanFileName(''), 'file');
  assert.equal(cleanFileName(undefined), 'file');
  const long = cleanFileName(`${'x'.repeat(300)}.pdf`);
  assert.equal(long.length, 200);
  assert.ok(long.endsWith('.pdf'));
});

test('the download name carries an extension matching the content', () => {
  assert.equal(nameForType('run.bat', PLAIN_TEXT), 'run.bat.txt');
  assert.equal(nameForType('notes.TXT', PLAIN_TEXT), 'notes.TXT');
  const png = ACCEPTED_TYPES.get('image/png');
  assert.ok(png);
  assert.equal(nameForType('photo.jpg', png), 'photo.jpg.png');
});

test('Content-Disposition: ASCII fallback and RFC 5987 UTF-8 name', () => {
  assert.equal(contentDisposition('attachment', 'report.pdf'), `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`);
  assert.equal(
    contentDisposition('inline', "Grüße (1) 'x'; \"q\".png"),
    `inline; filename="Gr__e (1) 'x'_ _q_.png"; filename*=UTF-8''Gr%C3%BC%C3%9Fe%20%281%29%20%27x%27%3B%20%22q%22.png`,
  );
});

test('capabilities: the same secret verifies, anything else does not', () => {
  const caps = createFileCapabilities('x'.repeat(32));
  const sig = caps.sign('fil_1');
  assert.match(sig, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(caps.verify('fil_1', sig), true);
  assert.equal(caps.verify('fil_2', sig), false);
  assert.equal(caps.verify('fil_1', sig.slice(0, -1)), false);
  assert.equal(caps.verify('fil_1', ''), false);
  assert.equal(createFileCapabilities('y'.repeat(32)).verify('fil_1', sig), false);
  assert.equal(caps.url('fil_1'), `/api/files/fil_1?sig=${sig}`);
  assert.equal(createFileCapabilities('x'.repeat(32), 'https://chat.example/').url('fil_1'), `https://chat.example/api/files/fil_1?sig=${sig}`);
});

/**
 * Decides a file's type from its bytes with file-type, plus a strict check
 * for plain text, which has no magic number.
 */
import type { Readable } from 'node:stream';
import { fileTypeFromStream } from 'file-type';
import { ACCEPTED_TYPES, LEGACY_OFFICE, PLAIN_TEXT, type AcceptedType } from './file-types.js';
import { extensionOf } from './file-name.js';

/** The verdict on a file: its accepted type, or why it was refused. */
export type SniffResult = { readonly ok: true; readonly type: AcceptedType } | { readonly ok: false; readonly reason: string };

/**
 * Markup or script at the start, or these tags anywhere: the file could be
 * run by a browser or a shell if saved and opened, so it is refused.
 */
const MARKUP_ANYWHERE = /<(?:script|html|svg|iframe|object|embed|body|head|meta|\?xml|!doctype|!entity)\b/i;
const MARKUP_AT_START = /^\uFEFF?\s*(?:<|#!)/;

/**
 * Whether a stream is plain text: valid UTF-8, no NUL, and nothing that looks
 * like HTML, XML or a script. Reads it to the end (it is already bounded by
 * the upload limit), chunk by chunk.
 */
export async function isPlainText(stream: Readable): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let tail = '';
  let first = true;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = decoder.decode(chunk, { stream: true });
      if (text.includes('\u0000')) return false;
      // Keep a little of the previous chunk so a tag split across chunks is still seen.
      const window = tail + text;
      if (first && window.trim().length > 0) {
        if (MARKUP_AT_START.test(window)) return false;
        first = false;
      }
      if (MARKUP_ANYWHERE.test(window)) return false;
      tail = window.slice(-16);
    }
    const rest = decoder.decode();
    return !rest.includes('\u0000') && !MARKUP_ANYWHERE.test(tail + rest);
  } catch {
    return false; // invalid UTF-8
  } finally {
    stream.destroy();
  }
}

/**
 * Sniffs a stored file. `open` is called once or twice (the text check reads
 * the file again); `name` decides only between legacy Office formats.
 */
export async function sniffFile(open: () => Promise<Readable>, name: string): Promise<SniffResult> {
  const head = await open();
  let detected;
  try {
    detected = await fileTypeFromStream(head);
  } finally {
    head.destroy();
  }
  if (detected) {
    if (detected.mime === 'application/x-cfb') {
      const legacy = LEGACY_OFFICE.get(extensionOf(name));
      return legacy ? { ok: true, type: legacy } : { ok: false, reason: 'This kind of file is not accepted.' };
    }
    const type = ACCEPTED_TYPES.get(detected.mime);
    return type ? { ok: true, type } : { ok: false, reason: `Files of type ${detected.mime} are not accepted.` };
  }
  return (await isPlainText(await open()))
    ? { ok: true, type: PLAIN_TEXT }
    : { ok: false, reason: 'This kind of file is not accepted (only images, PDF, archives, Office documents and plain text).' };
}

/**
 * File names from clients, made safe to store, show and send back in a
 * `Content-Disposition` header.
 */
import type { AcceptedType } from './file-types.js';

const MAX_NAME = 200;

/** The lower-case extension of a name, without the dot ('' when none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * The last path segment of a client's file name, without control or
 * formatting characters (bidi overrides could disguise `exe.png` as
 * `png.exe`), trimmed and at most 200 characters.
 */
export function cleanFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}"<>|:*?]/gu, '')
    .trim()
    .replace(/^\.+/, '');
  const name = cleaned.length > 0 ? cleaned : 'file';
  if (name.length <= MAX_NAME) return name;
  const ext = extensionOf(name);
  return ext && ext.length < 16 ? `${name.slice(0, MAX_NAME - ext.length - 1)}.${ext}` : name.slice(0, MAX_NAME);
}

/**
 * The name with an extension that matches the sniffed type: a text file
 * called `run.bat` downloads as `run.bat.txt`, so the saved file is opened as
 * what it is.
 */
export function nameForType(name: string, type: AcceptedType): string {
  return type.extensions.includes(extensionOf(name)) ? name : `${name}.${type.extensions[0]}`;
}

/** RFC 5987 `ext-value` percent-encoding (encodeURIComponent leaves `'()*` alone). */
const rfc5987 = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * A `Content-Disposition` value: an ASCII fallback `filename` for old clients
 * and the exact UTF-8 name in `filename*`.
 */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${rfc5987(name)}`;
}

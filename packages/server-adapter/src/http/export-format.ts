/**
 * The history export's two formats. CSV follows RFC 4180 and defuses
 * spreadsheet formulas; HTML escapes every character that means something in
 * markup and ships with a CSP that runs nothing.
 */
import { createHash } from 'node:crypto';
import type { Message } from '@parley/core';
import type { SessionRecord } from '@parley/core/hub';

/** The columns of the CSV export: one row per message. */
export const CSV_COLUMNS = [
  'session', 'session_created', 'state', 'visitor', 'agent', 'seq', 'time', 'author_kind', 'author_id', 'author_name', 'text', 'attachments',
] as const;

/**
 * One CSV field. Quoted when it holds a quote, comma or line break (quotes
 * doubled, RFC 4180). A field a spreadsheet would read as a formula (`=`, `+`,
 * `-`, `@`, tab or CR first) gets a leading `'`, so `=HYPERLINK(…)` from a
 * visitor stays text (OWASP's CSV injection advice).
 */
export function csvField(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, CRLF-terminated. */
export const csvRow = (fields: readonly (string | number | undefined)[]) => `${fields.map(csvField).join(',')}\r\n`;

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

/** The CSV rows of one session (a row with empty message columns when it has no message). */
export function sessionCsv(session: SessionRecord, messages: readonly Message[]): string {
  const head = [session.id, iso(session.createdAt), session.state, session.visitorId, session.agentId];
  if (messages.length === 0) return csvRow(head);
  return messages
    .map((m) =>
      csvRow([
        ...head, m.seq, iso(m.at), m.author.kind, m.author.id, m.author.name, m.text,
        m.attachments?.map((a) => a.name).join('; '),
      ]),
    )
    .join('');
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE =
  'body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#222}section{margin-bottom:2rem}' +
  'h2{font-size:1rem;margin:0 0 .25rem}p.meta{color:#666;margin:0 0 .5rem}' +
  'ol{list-style:none;padding:0;margin:0}li{margin:.25rem 0;white-space:pre-wrap;overflow-wrap:anywhere}' +
  'li b{margin-right:.5rem}li time{color:#888;margin-right:.5rem}';

/**
 * The export's CSP: nothing may load or run except this one stylesheet,
 * allowed by its hash; `sandbox` on top, in case the file is served from an
 * origin with cookies.
 */
export const HTML_EXPORT_CSP =
  `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; ` +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";

/** The start of the HTML export, up to the first session. */
export function htmlHead(title: string): string {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><h1>${escapeHtml(title)}</h1>\n`;
}

/** One session of the HTML export. */
export function sessionHtml(session: SessionRecord, messages: readonly Message[]): string {
  const meta = [
    `created ${iso(session.createdAt)}`,
    `state ${session.state}`,
    `visitor ${session.visitorId}`,
    session.agentId ? `agent ${session.agentId}` : '',
  ].filter(Boolean).join(' · ');
  const items = messages
    .map((m) => {
      const who = m.author.name ? `${m.author.name} (${m.author.kind})` : m.author.kind;
      const files = m.attachments?.length ? ` [${m.attachments.map((a) => a.name).join(', ')}]` : '';
      return `<li><time>${escapeHtml(iso(m.at) ?? '')}</time><b>${escapeHtml(who)}</b>${escapeHtml((m.text ?? '') + files)}</li>`;
    })
    .join('\n');
  return `<section><h2>${escapeHtml(session.id)}</h2><p class="meta">${escapeHtml(meta)}</p><ol>\n${items}\n</ol></section>\n`;
}

/** The end of the HTML export. */
export const HTML_TAIL = '</body></html>\n';

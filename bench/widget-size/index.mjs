// What a visitor downloads from the script-tag widget (packages/widget/dist/cdn),
// built exactly as shipped (the package's rollup config: minified, split in
// chunks), measured file by file in gzip and brotli, and summed:
//
// - before interaction: parley.js and the launcher texts of the visitor's
//   language: Lit, the core client without its chat (VisitorClientBase:
//   connection, presence, invitations, page views, page push; WebSocket
//   transport and the fallback that fetches long-poll when it fails, the
//   page-view tracker without the search engines' table, IndexedDB; the
//   client's invitation handling), launcher; no dev warnings (the build
//   leaves the widget's and core's out). Budget 20 KB brotli.
// - complete: the above, the <parley-invitation> chunk (loaded when the
//   page is idle or at once when an invitation arrives), the window chunk (window, forms, message list,
//   composer, uploads, where <parley-chat> places the window, and the
//   client's chat: its commands, messages, outbox, typing; no i18next: the
//   widget's own translator reads the texts), and
//   the rest of that language's texts. Budget 40 KB brotli. Not counted:
//   html2canvas (only when a screenshot is taken), the long-poll fallback
//   (only where WebSocket is blocked), other languages, and the
//   small chunk that binds a site's own i18next instance (only on sites that
//   give one; the i18next itself is the site's).
//
// The i18next reference row stays: it is what the window chunk would weigh
// more if it bundled i18next (docs/decisions/2026-11-21-widget-translator.md).
//
// Reference rows (measure(): one minified bundle each) show where the bytes go.
// Usage: `npm run bench -- widget-size`; exits 1 when over budget, as bench/core-size does,
// or when i18next is in the complete set.
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { rollup } from 'rollup';

import { scriptTagBundle } from '../../packages/widget/rollup.config.mjs';
import { kb, measure, report } from '../support/size.mjs';

const BEFORE_BUDGET = 20 * 1024;
const COMPLETE_BUDGET = 40 * 1024;
const LANGUAGE = process.env.PARLEY_BENCH_LANGUAGE ?? 'en';

const sizeOf = (code) => {
  const bytes = Buffer.from(code);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const sum = (sizes) => sizes.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), { raw: 0, gzip: 0, brotli: 0 });

const config = scriptTagBundle({ outDir: join(import.meta.dirname, '.bench-out') });
const bundle = await rollup({ ...config, onwarn() {} });
const { output } = await bundle.generate(config.output);
await bundle.close();
const chunks = output.filter((file) => file.type === 'chunk');
const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));

/** A chunk and every chunk it imports statically, as the browser fetches them. */
function withImports(chunk, seen = new Set()) {
  if (seen.has(chunk.fileName)) return seen;
  seen.add(chunk.fileName);
  for (const name of chunk.imports) withImports(byName.get(name), seen);
  return seen;
}
const holding = (pattern) => chunks.find((chunk) => Object.keys(chunk.modules).some((id) => pattern.test(id.replaceAll('\\', '/'))));
const locale = (part) => holding(new RegExp(`/locales/${LANGUAGE}/${part}\\.ts$`));

const entry = byName.get('parley.js');
const windowChunk = holding(/chat-window\/window-chunk\.ts$/);
const invitationChunk = holding(/invitation\/invitation\.ts$/);
const before = new Set([...withImports(entry), ...withImports(locale('launcher'))]);
const complete = new Set([...before, ...withImports(windowChunk), ...withImports(invitationChunk), ...withImports(locale('messages')), ...withImports(locale('window'))]);
const files = (names) => [...names].map((name) => sizeOf(byName.get(name).code));

const html2canvas = holding(/node_modules\/html2canvas\//);
const longPoll = holding(/chat\/long-poll\.ts$/);
const siteI18next = holding(/i18n\/site-i18next\.ts$/);
const bundlesI18next = (name) => Object.keys(byName.get(name).modules).some((id) => /node_modules\/i18next\//.test(id.replaceAll('\\', '/')));

report(`@parley/widget script-tag bundle, language "${LANGUAGE}" (files compressed one by one, summed)`, [
  [`before interaction (${before.size} files)`, sum(files(before))],
  [`complete (${complete.size} files)`, sum(files(complete))],
  ["  of which the window + the client's chat", sizeOf(windowChunk.code)],
  ['  of which the invitation', sizeOf(invitationChunk.code)],
  ['not counted: html2canvas (on screenshot)', sizeOf(html2canvas.code)],
  ['not counted: long-poll (WebSocket blocked)', sizeOf(longPoll.code)],
  ['not counted: site-i18next binding (opt-in)', sizeOf(siteI18next.code)],
]);

report('reference: single minified bundles (bench/support/size.mjs measure)', [
  ['Lit', await measure(`export { LitElement, html, css, svg, nothing } from 'lit';`)],
  ['i18next', await measure(`export { default } from 'i18next';`)],
  [
    'core as the first chunk uses it',
    // The same imports as bench/core-size's first-chunk row.
    await measure(`export { VisitorClientBase, createWebSocketTransport, createFallbackTransport, SERVER_PATHS } from '@parley/core';
export { createPageViewTracker, createIndexedDbStorage, watchConnectivity, readVisitorEnvironment, resolvePushedUrl } from '@parley/core/browser';`),
  ],
]);

const beforeBrotli = sum(files(before)).brotli;
const completeBrotli = sum(files(complete)).brotli;
const verdict = (size, budget) => `${kb(size)} brotli of ${kb(budget)} — ${size <= budget ? 'within' : 'OVER'} budget`;
console.log(`\nbefore interaction: ${verdict(beforeBrotli, BEFORE_BUDGET)}`);
console.log(`complete:           ${verdict(completeBrotli, COMPLETE_BUDGET)}`);
// i18next stays opt-in: a site that uses it brings its own instance.
const withI18next = [...complete].filter(bundlesI18next);
if (withI18next.length > 0) console.log(`i18next is bundled in ${withI18next.join(', ')}: it must stay out of the script-tag bundle`);
if (beforeBrotli > BEFORE_BUDGET || completeBrotli > COMPLETE_BUDGET || withI18next.length > 0) process.exitCode = 1;

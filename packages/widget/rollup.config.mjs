// Two builds: the library (ES modules file by file, dependencies external, from
// package.json's `exports`) through the shared factory; and the script-tag
// bundle, `dist/cdn/parley.js`: minified, every dependency inlined, split in
// chunks that load when needed (the window, the invitation, each locale part, the long-poll
// fallback, html2canvas, the binding to a site's own i18next). i18next itself
// is never in it: a site that uses i18next hands its instance over.
import { join } from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

import { library } from '../../scripts/rollup/library.mjs';
import { minifyLiterals } from './scripts/minify-literals.mjs';

const here = import.meta.dirname;

/**
 * The script-tag bundle is a production build, so it leaves the dev warnings
 * out: the widget's (`src/internal/dev-warning.ts`) and core's
 * (`core/src/internal/dev-mode.ts`) give way to stand-ins whose `warnOnce` does
 * nothing, and rollup drops the calls with their messages. The real modules
 * are quiet when `process.env.NODE_ENV` is `"production"` too, but their guard
 * sits in a `try` (a page may have no `process`), which no bundler folds, so the
 * calls and messages stayed. Measured: parley.js 20,367 -> 20,045 B brotli.
 */
function withoutDevWarnings() {
  const widgetWarnings = join(here, 'src', 'internal', 'dev-warning.ts');
  const standIns = new Map([
    [widgetWarnings, `export { WIDGET_WARNINGS } from ${JSON.stringify(widgetWarnings)};\nexport function warnOnce() {}`],
    [join(here, '..', 'core', 'src', 'internal', 'dev-mode.ts'), 'export const DEV_MODE = false;\nexport function warnOnce() {}'],
  ]);
  const prefix = '\0production:';
  return {
    name: 'parley-without-dev-warnings',
    async resolveId(source, importer, options) {
      if (!importer || importer.startsWith(prefix) || !/\/dev-(warning|mode)\.js$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && standIns.has(resolved.id) ? prefix + resolved.id : null;
    },
    load(id) {
      return id.startsWith(prefix) ? standIns.get(id.slice(prefix.length)) : null;
    },
  };
}

/** The script-tag bundle. Workspace packages are bundled from their TypeScript sources. */
export function scriptTagBundle({ outDir = join(here, 'dist', 'cdn') } = {}) {
  return {
    input: { parley: join(here, 'src', 'embed.ts') },
    // The entry's code stays in parley.js (no facade re-exporting a shared chunk).
    preserveEntrySignatures: false,
    plugins: [
      withoutDevWarnings(),
      nodeResolve({ browser: true, exportConditions: ['source', 'browser', 'module', 'import'] }),
      minifyLiterals(),
      esbuild({
        target: 'es2022',
        minify: true,
        legalComments: 'none',
        tsconfig: join(here, '..', '..', 'tsconfig.base.json'),
        define: { 'process.env.NODE_ENV': '"production"' },
        // html2canvas's own code has a duplicate `case`; nothing of ours.
        logOverride: { 'duplicate-case': 'silent' },
      }),
      // A second pass over esbuild's output: terser's compressor folds what
      // esbuild leaves (constants, single-use functions, sequences); measured
      // about 0.5 KB brotli off parley.js and 0.8 KB off the complete widget
      // (bench/widget-size). Terser alone does worse than the two together.
      terser({ module: true, ecma: 2020, compress: { passes: 2 }, format: { comments: false } }),
    ],
    output: {
      dir: outDir,
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'parley-[name]-[hash].js',
      sourcemap: true,
    },
    onwarn(warning, warn) {
      // Dependencies' own business: cycles inside a package, html2canvas's top-level `this`.
      if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.ids?.[0] ?? '')) return;
      if (warning.code === 'THIS_IS_UNDEFINED' && /node_modules/.test(warning.id ?? '')) return;
      warn(warning);
    },
  };
}

export default [library(here), scriptTagBundle()];

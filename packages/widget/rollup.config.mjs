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

/** The script-tag bundle. Workspace packages are bundled from their TypeScript sources. */
export function scriptTagBundle({ outDir = join(here, 'dist', 'cdn') } = {}) {
  return {
    input: { parley: join(here, 'src', 'embed.ts') },
    // The entry's code stays in parley.js (no facade re-exporting a shared chunk).
    preserveEntrySignatures: false,
    plugins: [
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
      // A chunk is named after its entry module; `<parley-invitation>`'s is `invitation/define.ts`.
      chunkFileNames: (chunk) => `parley-${chunk.facadeModuleId?.endsWith('/invitation/define.ts') ? 'invitation' : '[name]'}-[hash].js`,
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

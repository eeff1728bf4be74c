// The examples' browser bundles, built by the root `rollup -c` and by `npm start`
// (scripts/start.mjs builds only the stale ones, through `exampleBundles`).
// Like the widget's script-tag bundle, they are made from the workspace
// packages' TypeScript sources (the `source` export condition), every
// dependency inlined, minified:
//
//   agent-console/dist/console.js   <parley-console> for a Parley server (ES module, lazy chunks)
//   no-server/dist/no-server.js     hub + widget + console in one classic script (opens from file://)
//   frameworks/react/dist/app.js    the widget in a React app
//   frameworks/vue/dist/app.js      the widget in a Vue app
import { createRequire } from 'node:module';
import { join } from 'node:path';
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import esbuild from 'rollup-plugin-esbuild';

const here = import.meta.dirname;
const root = join(here, '..');
const require = createRequire(import.meta.url);

/** Flags that React's and Vue's builds read at bundle time. */
const PRODUCTION_FLAGS = {
  'process.env.NODE_ENV': JSON.stringify('production'),
  __VUE_OPTIONS_API__: 'true',
  __VUE_PROD_DEVTOOLS__: 'false',
  __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
};

/** Vue's full build (with the template compiler) wherever the sources import `vue`. */
function vueWithCompiler() {
  const full = require.resolve('vue/dist/vue.esm-bundler.js');
  return { name: 'vue-with-compiler', resolveId: (id) => (id === 'vue' ? full : null) };
}

/**
 * One page's bundle. `single` inlines every lazy part into one classic script
 * (IIFE), so the page also works opened from disk, where browsers refuse
 * module scripts.
 */
function pageBundle({ input, outDir, name, single = false, jsx = false, plugins = [] }) {
  return {
    input: { [name]: input },
    preserveEntrySignatures: false,
    plugins: [
      ...plugins,
      replace({ preventAssignment: true, values: PRODUCTION_FLAGS }),
      nodeResolve({ browser: true, exportConditions: ['source', 'browser', 'module', 'import'], extensions: ['.mjs', '.js', '.jsx', '.ts', '.json'] }),
      commonjs(),
      esbuild({
        target: 'es2022',
        minify: true,
        legalComments: 'none',
        tsconfig: join(root, 'tsconfig.base.json'),
        ...(jsx && { jsx: 'automatic' }),
        // html2canvas's own code has a duplicate `case`; nothing of ours.
        logOverride: { 'duplicate-case': 'silent' },
      }),
    ],
    output: single
      ? { dir: outDir, format: 'iife', entryFileNames: '[name].js', inlineDynamicImports: true, sourcemap: true }
      : { dir: outDir, format: 'es', entryFileNames: '[name].js', chunkFileNames: `${name}-[name]-[hash].js`, sourcemap: true },
    onwarn(warning, warn) {
      // Dependencies' own business (the packages' builds report their own cycles):
      // cycles inside a package, html2canvas's top-level `this`.
      if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules|packages[\\/]/.test(warning.ids?.[0] ?? '')) return;
      if (warning.code === 'THIS_IS_UNDEFINED' && /node_modules/.test(warning.id ?? '')) return;
      warn(warning);
    },
  };
}

/**
 * The bundles with what `npm start` needs to decide whether one is stale:
 * `output` (its main file) and `inputs` (folders and files it is made from,
 * besides the packages' sources).
 */
export const exampleBundles = [
  {
    name: 'agent console',
    output: join(here, 'agent-console', 'dist', 'console.js'),
    inputs: [join(here, 'agent-console', 'src')],
    config: pageBundle({ name: 'console', input: join(here, 'agent-console', 'src', 'main.ts'), outDir: join(here, 'agent-console', 'dist') }),
  },
  {
    name: 'no-server demo',
    output: join(here, 'no-server', 'dist', 'no-server.js'),
    inputs: [join(here, 'no-server', 'src')],
    config: pageBundle({ name: 'no-server', input: join(here, 'no-server', 'src', 'main.ts'), outDir: join(here, 'no-server', 'dist'), single: true }),
  },
  {
    name: 'React example',
    output: join(here, 'frameworks', 'react', 'dist', 'app.js'),
    inputs: [join(here, 'frameworks', 'react', 'src')],
    config: pageBundle({ name: 'app', input: join(here, 'frameworks', 'react', 'src', 'main.jsx'), outDir: join(here, 'frameworks', 'react', 'dist'), jsx: true }),
  },
  {
    name: 'Vue example',
    output: join(here, 'frameworks', 'vue', 'dist', 'app.js'),
    inputs: [join(here, 'frameworks', 'vue', 'src')],
    config: pageBundle({ name: 'app', input: join(here, 'frameworks', 'vue', 'src', 'main.ts'), outDir: join(here, 'frameworks', 'vue', 'dist'), plugins: [vueWithCompiler()] }),
  },
];

export default exampleBundles.map((bundle) => bundle.config);

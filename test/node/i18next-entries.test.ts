/**
 * i18next stays where it is asked for. A bundler keeps all of i18next once it
 * is imported (its module builds the default instance when loaded), so only
 * `@parley/widget/i18next` may import it at run time: a page bundling the
 * widget, or the console's building blocks, must not get 14 KB brotli it never
 * uses. Each entry is bundled here from source as a page's bundler would.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { nodeResolve } from '@rollup/plugin-node-resolve';
import { rollup, type Plugin } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';

/** The modules a bundle of `import * from entry` holds, dynamic imports included. */
async function modulesOf(entry: string): Promise<string[]> {
  const page: Plugin = {
    name: 'page',
    resolveId: (id) => (id === 'page' ? id : null),
    load: (id) => (id === 'page' ? `export * from '${entry}';` : null),
  };
  const bundle = await rollup({
    input: 'page',
    plugins: [page, nodeResolve({ browser: true, exportConditions: ['source', 'browser', 'import'] }), esbuild({ target: 'es2022' })],
    onwarn() {},
  });
  try {
    const { output } = await bundle.generate({ format: 'es' });
    return output.flatMap((file) => (file.type === 'chunk' ? Object.keys(file.modules) : []));
  } finally {
    await bundle.close();
  }
}

const holdsI18next = (modules: readonly string[]) => modules.some((id) => /[\\/]node_modules[\\/]i18next[\\/]/.test(id));

for (const entry of ['@parley/widget', '@parley/widget/shared', '@parley/widget/embed']) {
  test(`${entry} does not carry i18next into a bundle`, async () => {
    assert.equal(holdsI18next(await modulesOf(entry)), false);
  });
}

test('@parley/widget/i18next does (the check above can fail)', async () => {
  assert.equal(holdsI18next(await modulesOf('@parley/widget/i18next')), true);
});

// Bundles a piece of code as a site would ship it (one minified ES module, every
// dependency inlined) and measures it raw, gzip and brotli. Workspace packages
// resolve to their TypeScript sources, so no build is needed first.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import { transform } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Resolves `@parley/<pkg>[/sub]` to `packages/<pkg>/src/<sub>/index.ts` through its exports map. */
function workspaceSources() {
  return {
    name: 'workspace-sources',
    resolveId(id) {
      const match = /^@parley\/([^/]+)(\/.*)?$/.exec(id);
      if (!match) return null;
      const dir = join(root, 'packages', match[1]);
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const target = pkg.exports?.[`.${match[2] ?? ''}`];
      const file = typeof target === 'string' ? target : target?.default;
      if (!file) return null;
      const source = join(dir, file.replace('./dist/', 'src/').replace(/\.js$/, '.ts'));
      return existsSync(source) ? source : null;
    },
    resolveDynamicImport() {
      return null;
    },
  };
}

/** Resolves `./x.js` imports to `./x.ts` sources, as TypeScript does. */
function tsExtensions() {
  return {
    name: 'ts-extensions',
    async resolveId(id, importer) {
      if (!importer || !id.startsWith('.') || !id.endsWith('.js')) return null;
      const ts = join(dirname(importer), id.replace(/\.js$/, '.ts'));
      return existsSync(ts) ? ts : null;
    },
  };
}

/** Bundles `code` as a site would ship it: the text of the one minified module, and rollup's modules. */
async function bundle(code, { browser = true } = {}) {
  const build = await rollup({
    input: 'entry',
    plugins: [
      { name: 'entry', resolveId: (id) => (id === 'entry' ? id : null), load: (id) => (id === 'entry' ? code : null) },
      workspaceSources(),
      tsExtensions(),
      nodeResolve({ browser, exportConditions: browser ? ['browser', 'module', 'import'] : ['node', 'import'] }),
      esbuild({ target: 'es2022', minify: true, tsconfig: join(root, 'tsconfig.base.json'), define: { 'process.env.NODE_ENV': '"production"' } }),
    ],
    onwarn() {},
  });
  const { output } = await build.generate({ format: 'es', inlineDynamicImports: true });
  await build.close();
  const chunks = output.filter((chunk) => chunk.type === 'chunk');
  return {
    text: chunks.map((chunk) => chunk.code).join(''),
    modules: chunks.flatMap((chunk) => Object.entries(chunk.modules)),
  };
}

const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** @returns {Promise<{ raw: number, gzip: number, brotli: number }>} bytes */
export async function measure(code, options) {
  const bytes = Buffer.from((await bundle(code, options)).text);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotli(bytes) };
}

/**
 * What each module of the bundle of `code` costs: `minified`, its code once
 * minified (dependencies are minified here too), and `brotli`, how many bytes
 * the bundle's modules, compressed together, lose without it. Brotli shares
 * context between modules, so these sum to less than the bundle's size.
 *
 * @returns {Promise<{ module: string, minified: number, brotli: number }[]>} largest first
 */
export async function breakdown(code, options) {
  const parts = [];
  for (const [id, module] of (await bundle(code, options)).modules) {
    if (!module.code) continue;
    const { code: minified } = await transform(module.code, { minify: true, loader: 'js' });
    parts.push({ module: relative(root, id).replace(/^(.*\/)?node_modules\//, ''), code: Buffer.from(minified) });
  }
  const all = brotli(Buffer.concat(parts.map((part) => part.code)));
  return parts
    .map((part) => ({
      module: part.module,
      minified: part.code.length,
      brotli: all - brotli(Buffer.concat(parts.filter((other) => other !== part).map((other) => other.code))),
    }))
    .sort((a, b) => b.brotli - a.brotli);
}

export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Prints one row per measured bundle. */
export function report(title, rows) {
  console.log(`\n${title}`);
  console.log(`${'bundle'.padEnd(44)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
  for (const [name, size] of rows) {
    console.log(`${name.padEnd(44)}${kb(size.raw).padStart(10)}${kb(size.gzip).padStart(10)}${kb(size.brotli).padStart(10)}`);
  }
}

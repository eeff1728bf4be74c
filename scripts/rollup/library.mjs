// The one rollup factory every package's config calls. It reads the package's
// `exports` map and `bin`, so an entry point is declared once (in package.json): each
// `./dist/x.js` is built from `./src/x.ts` as ES modules, file by file
// (preserveModules keeps them tree-shakeable), with dependencies external.
// Types come from `tsc -b` (emitDeclarationOnly) into the same `dist/`.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import esbuild from 'rollup-plugin-esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The `src/*.ts` entry of every `exports` and `bin` target of a package. */
export function entriesOf(packageDir) {
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const bins = typeof pkg.bin === 'string' ? [pkg.bin] : Object.values(pkg.bin ?? {});
  const targets = [
    ...Object.values(pkg.exports ?? {}).map((target) => (typeof target === 'string' ? target : target.default ?? target.import)),
    ...bins.map((target) => (target.startsWith('./') ? target : `./${target}`)),
  ].filter((target) => target?.endsWith('.js') && target.startsWith('./dist/'));
  return Object.fromEntries(
    targets.map((target) => {
      const name = target.slice('./dist/'.length, -'.js'.length);
      return [name, join(packageDir, 'src', `${name}.ts`)];
    }),
  );
}

/** ES-module build of a package, one output file per source file. */
export function library(packageDir, { extraPlugins = [] } = {}) {
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
  const external = (id) => deps.some((dep) => id === dep || id.startsWith(`${dep}/`)) || id.startsWith('node:');
  return {
    input: entriesOf(packageDir),
    external,
    plugins: [...extraPlugins, esbuild({ target: 'es2022', tsconfig: join(root, 'tsconfig.base.json') })],
    output: {
      dir: join(packageDir, 'dist'),
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: join(packageDir, 'src'),
      sourcemap: true,
    },
    onwarn(warning, warn) {
      // Type-only re-exports leave empty chunks behind; nothing to act on.
      if (warning.code === 'EMPTY_BUNDLE') return;
      warn(warning);
    },
  };
}

export const packagePath = (name) => relative(process.cwd(), join(root, 'packages', name));

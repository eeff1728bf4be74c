/**
 * Every published package is publishable: its package.json has the fields a
 * registry page and a bundler need, its `exports` map lists `types` first, and
 * `npm pack` puts in the tarball what the package points at — and nothing of
 * the repository's own (tests, build info, data, node_modules, configs).
 *
 * No build is needed, so the test takes seconds: `npm pack --dry-run` is run on
 * a copy of each package with empty stand-ins for every path the package.json
 * references (built or not) and for files that must stay out, so what `files`
 * covers is checked by npm's own rules. That what lands in `dist/` is what
 * those paths name is checked against the build's own definitions: the rollup
 * factory's entries (`scripts/rollup/library.mjs`) and tsc's one declaration
 * per source file. A second `npm pack` of the real packages checks the tree
 * as it is (with whatever `dist/` a build left).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';

import { entriesOf } from '../../scripts/rollup/library.mjs';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

const PACKAGES = ['core', 'widget', 'agent-elements', 'server-adapter'] as const;
type PackageDir = (typeof PACKAGES)[number];
const ELEMENT_PACKAGES: readonly PackageDir[] = ['widget', 'agent-elements'];

type Conditions = { readonly [condition: string]: string | Conditions };
interface PackageJson {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
  readonly description?: string;
  readonly license?: string;
  readonly type?: string;
  readonly keywords?: readonly string[];
  readonly homepage?: string;
  readonly bugs?: { readonly url?: string };
  readonly repository?: { readonly type: string; readonly url: string; readonly directory: string };
  readonly engines?: { readonly node?: string };
  readonly publishConfig?: { readonly access?: string };
  readonly sideEffects?: boolean | readonly string[];
  readonly exports?: { readonly [subpath: string]: string | Conditions };
  readonly files?: readonly string[];
  readonly main?: string;
  readonly module?: string;
  readonly types?: string;
  readonly bin?: string | { readonly [name: string]: string };
  readonly customElements?: string;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const packageDir = (dir: PackageDir) => join(root, 'packages', dir);
const manifest = (dir: PackageDir) => readJson<PackageJson>(join(packageDir(dir), 'package.json'));
const clean = (path: string) => path.replace(/^\.\//, '');

/** Every file path a package.json points at, relative to the package (`dist/index.js`). */
function referencedPaths(pkg: PackageJson): string[] {
  const paths: string[] = [];
  const collect = (target: string | Conditions): void => {
    if (typeof target === 'string') paths.push(clean(target));
    else for (const value of Object.values(target)) collect(value);
  };
  for (const target of Object.values(pkg.exports ?? {})) collect(target);
  for (const field of [pkg.main, pkg.module, pkg.types, pkg.customElements]) if (field) paths.push(clean(field));
  const bins = typeof pkg.bin === 'string' ? [pkg.bin] : Object.values(pkg.bin ?? {});
  paths.push(...bins.map(clean));
  return [...new Set(paths)];
}

/** Files of the repository's own that must never be published, as probes to plant. */
const PROBES = [
  'src/probe/probe.test.ts',
  'test/node/probe.test.ts',
  'test/browser/probe.test.ts',
  'tsconfig.tsbuildinfo',
  'tsconfig.json',
  'rollup.config.mjs',
  'node_modules/probe/index.js',
  'data/parley.db',
];

/** What a tarball must not hold, whatever the probes were. */
const JUNK: readonly [string, RegExp][] = [
  ['a test', /(^|\/)(test|tests|__tests__)\/|\.(test|spec)\.[cm]?[jt]sx?$|\.test\.d\.ts/],
  ['TypeScript build info', /\.tsbuildinfo$/],
  ['node_modules', /(^|\/)node_modules\//],
  ['data', /^data\/|\.db(-wal|-shm)?$/],
  ['a build or test config', /^(tsconfig[^/]*\.json|rollup\.config\.mjs|web-test-runner\.config\.mjs|custom-elements-manifest\.config\.mjs)$/],
];

interface Packed {
  readonly name: string;
  readonly files: readonly { readonly path: string }[];
}

async function npmPack(cwd: string, args: readonly string[] = []): Promise<Packed[]> {
  const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', ...args], {
    cwd,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as Packed[];
}

/** A glob of `sideEffects` (`./src/**\/define.ts`) as a regular expression over `src/a/define.ts`. */
function globToRegExp(glob: string): RegExp {
  let pattern = '';
  const text = clean(glob);
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (text.startsWith('**/', i)) {
      pattern += '(?:.*/)?';
      i += 2;
    } else if (char === '*') pattern += '[^/]*';
    else pattern += /[.+?^${}()|[\]\\]/.test(char) ? `\\${char}` : char;
  }
  return new RegExp(`^${pattern}$`);
}

function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, base) : [relative(base, path)];
  });
}

describe('packaging: every package can be published', () => {
  const work = mkdtempSync(join(tmpdir(), 'parley-pack-'));
  /** npm pack's list for the copy with stand-ins, per package. */
  const standIns = new Map<PackageDir, Set<string>>();
  /** npm pack's list for the real package, per package. */
  const real = new Map<PackageDir, Set<string>>();

  before(async () => {
    for (const dir of PACKAGES) {
      const copy = join(work, dir);
      const source = packageDir(dir);
      for (const path of ['package.json', 'README.md', 'LICENSE', ...referencedPaths(manifest(dir)), ...PROBES]) {
        const target = join(copy, path);
        mkdirSync(dirname(target), { recursive: true });
        const original = join(source, path);
        writeFileSync(target, ['package.json', 'README.md', 'LICENSE'].includes(path) && existsSync(original) ? readFileSync(original) : '');
      }
    }
    // Two npm processes, side by side: one packs the four copies, one the four real packages.
    const [copies, packages] = await Promise.all([
      npmPack(work, PACKAGES.map((dir) => join(work, dir))),
      npmPack(root, PACKAGES.flatMap((dir) => ['--workspace', `packages/${dir}`])),
    ]);
    for (const [into, packed] of [[standIns, copies], [real, packages]] as const) {
      for (const p of packed) into.set(p.name.replace('@parley/', '') as PackageDir, new Set(p.files.map((f) => f.path)));
    }
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  for (const dir of PACKAGES) {
    describe(`@parley/${dir}`, () => {
      const pkg = manifest(dir);

      it('package.json: name, description, license, engines, repository, keywords, public access', () => {
        assert.equal(pkg.name, `@parley/${dir}`);
        assert.notEqual(pkg.private, true, 'not private');
        assert.ok(pkg.description && pkg.description.length > 20, 'a description');
        assert.equal(pkg.license, 'MIT');
        assert.equal(pkg.type, 'module');
        assert.match(pkg.engines?.node ?? '', /^>=\d+/, 'engines.node');
        assert.deepEqual(pkg.repository, {
          type: 'git',
          url: 'https://github.com/parley-chat/parley.git',
          directory: `packages/${dir}`,
        });
        assert.ok(Array.isArray(pkg.keywords) && pkg.keywords.length >= 3 && pkg.keywords.every((k) => typeof k === 'string'), 'keywords');
        assert.deepEqual(pkg.publishConfig, { access: 'public' });
        if (pkg.homepage !== undefined) assert.match(pkg.homepage, /^https:\/\//);
        if (pkg.bugs !== undefined) assert.match(pkg.bugs.url ?? '', /^https:\/\//);
        assert.ok(Array.isArray(pkg.files) && pkg.files.length > 0, '`files` whitelists what is published');
      });

      it('exports: types first, then source, then default, naming one module', () => {
        assert.ok(pkg.exports && Object.keys(pkg.exports).length > 0, 'an exports map');
        for (const [subpath, target] of Object.entries(pkg.exports)) {
          assert.equal(typeof target, 'object', `${subpath}: conditions, not a bare path`);
          const conditions = target as Conditions;
          const keys = Object.keys(conditions);
          assert.equal(keys[0], 'types', `${subpath}: types first`);
          assert.equal(keys[1], 'source', `${subpath}: then source`);
          assert.equal(keys.at(-1), 'default', `${subpath}: default last`);
          const { types, source, default: main } = conditions as Record<string, string>;
          const name = /^\.\/src\/(.+)\.ts$/.exec(source ?? '')?.[1];
          assert.ok(name, `${subpath}: source is ./src/<name>.ts`);
          assert.equal(types, `./dist/${name}.d.ts`, `${subpath}: types beside the module`);
          assert.equal(main, `./dist/${name}.js`, `${subpath}: default built from the source`);
          assert.ok(existsSync(join(packageDir(dir), 'src', `${name}.ts`)), `${subpath}: ${source} exists`);
        }
      });

      it('every module and bin it points at is one the build makes', () => {
        const entries = entriesOf(packageDir(dir));
        const built = referencedPaths(pkg).filter((path) => path.startsWith('dist/') && path.endsWith('.js'));
        for (const path of built) {
          const name = path.slice('dist/'.length, -'.js'.length);
          assert.equal(entries[name], join(packageDir(dir), 'src', `${name}.ts`), `the rollup factory builds ${path}`);
        }
        const bins = typeof pkg.bin === 'string' ? [pkg.bin] : Object.values(pkg.bin ?? {});
        for (const bin of bins) {
          const source = join(packageDir(dir), clean(bin).replace(/^dist\//, 'src/').replace(/\.js$/, '.ts'));
          assert.match(readFileSync(source, 'utf8'), /^#!\/usr\/bin\/env node\n/, `${bin}: its source starts with a node shebang`);
        }
        for (const path of referencedPaths(pkg).filter((p) => !p.startsWith('dist/'))) {
          assert.ok(existsSync(join(packageDir(dir), path)), `${path} exists without a build`);
        }
      });

      it('sideEffects: none, or only the files that define tags', () => {
        if (!ELEMENT_PACKAGES.includes(dir)) {
          assert.equal(pkg.sideEffects, false);
          return;
        }
        assert.ok(Array.isArray(pkg.sideEffects), 'a list of files');
        const globs = pkg.sideEffects as readonly string[];
        const sourceGlobs = globs.filter((glob) => clean(glob).startsWith('src/'));
        for (const glob of sourceGlobs) {
          const twin = glob.replace('./src/', './dist/').replace(/\.ts$/, '.js');
          assert.ok(globs.includes(twin), `${glob} has its built twin ${twin}`);
        }
        const sources = filesUnder(join(packageDir(dir), 'src')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
        const listed = (file: string) => sourceGlobs.some((glob) => globToRegExp(glob).test(`src/${file}`));
        for (const file of sources) {
          const text = readFileSync(join(packageDir(dir), 'src', file), 'utf8');
          const definesTags = /^\S.*\.define\(\s*['"]parley-/m.test(text) || /^import ['"]\.\/[^'"]*define\.js['"];/m.test(text);
          if (file.endsWith('define.ts')) assert.ok(listed(file), `src/${file} registers tags: listed`);
          if (listed(file)) assert.ok(definesTags, `src/${file} is listed but registers no tag`);
        }
      });

      it('files: the tarball holds every path package.json points at, README and LICENSE, and none of the repository’s own', () => {
        const packed = standIns.get(dir)!;
        for (const path of referencedPaths(pkg)) assert.ok(packed.has(path), `${path} is published`);
        for (const path of ['package.json', 'README.md', 'LICENSE']) assert.ok(packed.has(path), `${path} is published`);
        for (const probe of PROBES) assert.ok(!packed.has(probe), `${probe} stays out`);
        for (const path of packed) for (const [what, pattern] of JUNK) assert.doesNotMatch(path, pattern, `${path} is ${what}`);
      });

      it('the tarball of the package as it stands: README, LICENSE (the repository’s), nothing of the repository’s own', () => {
        const packed = real.get(dir);
        assert.ok(packed, 'npm packed it');
        for (const path of ['package.json', 'README.md', 'LICENSE']) assert.ok(packed.has(path), `${path} is published`);
        assert.equal(readFileSync(join(packageDir(dir), 'LICENSE'), 'utf8'), readFileSync(join(root, 'LICENSE'), 'utf8'), 'the LICENSE is the root one');
        for (const path of packed) for (const [what, pattern] of JUNK) assert.doesNotMatch(path, pattern, `${path} is ${what}`);
        // Whatever a build left in dist/ that package.json points at is published.
        for (const path of referencedPaths(pkg)) {
          if (existsSync(join(packageDir(dir), path))) assert.ok(packed.has(path), `${path} is published`);
        }
      });
    });
  }
});

#!/usr/bin/env node
// `npm start`: the whole product on one local port, from a fresh clone.
//
//   1. Installs the locked dependencies when node_modules is missing or older
//      than package-lock.json (scripts/setup.mjs).
//   2. Builds what is missing or older than its sources, and nothing else: the
//      server (core's and server-adapter's ES modules), the widget's script-tag
//      bundle (packages/widget/dist/cdn), and the examples' bundles (console,
//      no-server demo, React and Vue apps) — through rollup's API with the
//      packages' own configs. Type declarations are `npm run build`'s business;
//      running needs none.
//   3. Runs the built reference server with the embedded default (SQLite under
//      ./data; a demo site and two demo agents on the first start) and serves
//      on PORT (default 8080):
//        /             the demo shop with the widget   (examples/demo-site)
//        /console/     the agent console               (examples/agent-console)
//        /no-server/   the product with no server      (examples/no-server)
//        /frameworks/  the widget in React and Vue     (examples/frameworks)
//        /widget/      the script-tag bundle           (packages/widget/dist/cdn)
//        /api/, /parley/   the HTTP API and the hub's transports
//      It prints the URLs and the demo agents' sign-in details. Ctrl+C closes
//      every connection, flushes and closes the store, and exits.
//
// Usage:  npm start [-- <parley-server options>]     e.g. npm start -- --port 9000
//         node scripts/start.mjs --build-only          build what is stale, then exit
// Options and environment variables are the CLI's (`npm start -- --help`):
// PORT, HOST, PARLEY_DATA, --static /path=dir (added to the mounts above), ….
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => join(root, ...parts);
const args = process.argv.slice(2);
const buildOnly = args.includes('--build-only');
const serverArgs = args.filter((arg) => arg !== '--build-only');

/** URL path → folder, served by the reference server next to the API. */
export const STATIC_MOUNTS = {
  '/': at('examples', 'demo-site'),
  '/console': at('examples', 'agent-console'),
  '/no-server': at('examples', 'no-server'),
  '/frameworks': at('examples', 'frameworks'),
  '/widget': at('packages', 'widget', 'dist', 'cdn'),
};

// ── 1. dependencies ──────────────────────────────────────────────────────────

function setup() {
  const result = spawnSync(process.execPath, [at('scripts', 'setup.mjs')], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// ── 2. incremental build ─────────────────────────────────────────────────────

/** Files every build depends on. */
const COMMON_INPUTS = [at('package-lock.json'), at('tsconfig.base.json'), at('scripts', 'rollup', 'library.mjs')];
const sourcesOf = (name) => [at('packages', name, 'src'), at('packages', name, 'package.json')];

/** Newest modification time under the paths (tests, dist and node_modules left out). */
function newestInput(paths) {
  let newest = 0;
  const visit = (path) => {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      return;
    }
    if (stats.isDirectory()) {
      for (const name of readdirSync(path)) {
        if (name === 'node_modules' || name === 'dist' || name === 'test' || name.endsWith('.test.ts')) continue;
        visit(join(path, name));
      }
    } else if (stats.mtimeMs > newest) newest = stats.mtimeMs;
  };
  for (const path of paths) visit(path);
  return newest;
}

const mtimeOf = (file) => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
};

/** What start builds: each target is built when one of its outputs is missing or older than an input. */
async function buildTargets() {
  const load = async (file) => import(pathToFileURL(at(file)).href);
  const [core, serverAdapter, widget, examples] = await Promise.all([
    load('packages/core/rollup.config.mjs'),
    load('packages/server-adapter/rollup.config.mjs'),
    load('packages/widget/rollup.config.mjs'),
    load('examples/rollup.config.mjs'),
  ]);
  const clientSources = [...sourcesOf('core'), ...sourcesOf('widget'), ...sourcesOf('agent-elements')];
  return [
    {
      name: 'core (for the server)',
      configs: core.default,
      outputs: [at('packages/core/dist/index.js'), at('packages/core/dist/hub/index.js')],
      inputs: [...sourcesOf('core'), at('packages/core/rollup.config.mjs')],
    },
    {
      name: 'the server',
      configs: serverAdapter.default,
      outputs: [at('packages/server-adapter/dist/index.js'), at('packages/server-adapter/dist/cli.js'), at('packages/server-adapter/dist/config.js')],
      inputs: [...sourcesOf('server-adapter'), at('packages/server-adapter/rollup.config.mjs')],
    },
    {
      name: "the widget's script-tag bundle",
      configs: [widget.scriptTagBundle()],
      outputs: [at('packages/widget/dist/cdn/parley.js')],
      inputs: [...sourcesOf('core'), ...sourcesOf('widget'), at('packages/widget/scripts'), at('packages/widget/rollup.config.mjs')],
    },
    ...examples.exampleBundles.map((bundle) => ({
      name: `the ${bundle.name}`,
      configs: [bundle.config],
      outputs: [bundle.output],
      inputs: [...clientSources, ...bundle.inputs, at('examples', 'rollup.config.mjs')],
      // Old chunks (hashed names) would pile up: start each example's bundle afresh.
      clean: bundle.config.output.dir,
    })),
  ];
}

async function runRollup(rollup, config) {
  const { output, onwarn, ...input } = config;
  const print = (warning) => console.warn(`  (rollup) ${typeof warning === 'string' ? warning : warning.message}`);
  const bundle = await rollup({
    ...input,
    onwarn(warning, warn) {
      // Cycles inside packages are known and harmless; `npm run build` lists them.
      if (warning.code === 'CIRCULAR_DEPENDENCY') return;
      if (onwarn) onwarn(warning, print);
      else print(warning);
    },
  });
  try {
    for (const options of [output].flat()) await bundle.write(options);
  } finally {
    await bundle.close();
  }
}

const pidAlive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
};

/** One build at a time in this checkout (two `npm start`s, or tests that start it side by side). */
async function withBuildLock(work) {
  const lock = at('node_modules', '.cache', 'parley-start.lock');
  mkdirSync(dirname(lock), { recursive: true });
  let told = false;
  for (const started = Date.now(); ; ) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      let pid = Number.NaN;
      try {
        pid = Number.parseInt(readFileSync(join(lock, 'pid'), 'utf8'), 10);
      } catch {
        // Just made (no pid yet) or just released: look again.
      }
      const abandoned = Number.isInteger(pid) ? !pidAlive(pid) : Date.now() - mtimeOf(lock) > 30_000;
      if (abandoned) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() - started > 10 * 60_000) throw new Error(`another build has held ${relative(root, lock)} for ten minutes`);
      if (!told) console.log('Waiting for another build in this checkout to finish…');
      told = true;
      await new Promise((resolveWait) => setTimeout(resolveWait, 250));
    }
  }
  const release = () => rmSync(lock, { recursive: true, force: true });
  const interrupted = () => {
    release();
    process.exit(130);
  };
  process.on('SIGINT', interrupted);
  process.on('SIGTERM', interrupted);
  try {
    return await work();
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    release();
  }
}

/** Builds the stale targets; resolves with what was built. */
export async function build() {
  return withBuildLock(async () => {
    const targets = await buildTargets();
    const common = newestInput(COMMON_INPUTS);
    const stale = targets.filter((target) => {
      const oldestOutput = Math.min(...target.outputs.map(mtimeOf));
      return oldestOutput < 0 || oldestOutput < Math.max(common, newestInput(target.inputs));
    });
    if (stale.length === 0) return [];
    const { rollup } = await import('rollup');
    const began = Date.now();
    for (const target of stale) {
      const t0 = Date.now();
      process.stdout.write(`Building ${target.name}… `);
      if (target.clean) rmSync(target.clean, { recursive: true, force: true });
      for (const config of target.configs) await runRollup(rollup, config);
      console.log(`${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    console.log(`Built ${stale.length} of ${targets.length} targets in ${((Date.now() - began) / 1000).toFixed(1)} s.`);
    return stale.map((target) => target.name);
  });
}

// ── 3. serve ─────────────────────────────────────────────────────────────────

async function serve() {
  const dist = (file) => pathToFileURL(at('packages', 'server-adapter', 'dist', file)).href;
  const [{ createParleyServer, formatCredentials, DEMO_CREDENTIALS_FILE }, { readConfig, USAGE }] = await Promise.all([
    import(dist('index.js')),
    import(dist('config.js')),
  ]);
  const config = readConfig(serverArgs, process.env);
  if (config.kind === 'help') {
    process.stdout.write(`${USAGE}\nnpm start serves, besides: ${Object.entries(STATIC_MOUNTS).map(([path, dir]) => `${path} (${relative(root, dir)})`).join(', ')}.\n`);
    return;
  }
  if (config.kind === 'error') {
    process.stderr.write(`npm start: ${config.message}\n\n${USAGE}`);
    process.exit(2);
  }
  const { port, dataDir } = config.options;
  // The demo's page push allows port 8080; on another port, allow this one's origins too (first start only).
  const ownOrigins = port === 8080 || port === 0 ? [] : [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  const server = createParleyServer({
    ...config.options,
    ...(config.options.demo && { demo: { origins: ownOrigins } }),
    serveStatic: { ...STATIC_MOUNTS, ...config.options.serveStatic },
  });

  // Ctrl+C under npm can arrive twice at once (from the terminal and forwarded by
  // npm): only a second signal a moment later means "exit now".
  let stoppingSince = 0;
  const stop = (signal) => {
    if (stoppingSince) {
      if (Date.now() - stoppingSince < 1000) return;
      process.stderr.write(`\n${signal} again: exiting now.\n`);
      process.exit(1);
    }
    stoppingSince = Date.now();
    process.stderr.write('\nStopping Parley…\n');
    server.close().then(
      () => {
        process.stderr.write('Parley stopped. The data is kept; the next npm start reuses it.\n');
        process.exit(0);
      },
      (error) => {
        process.stderr.write(`Shutdown failed: ${error?.stack ?? error}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  let listening;
  try {
    listening = await server.listen();
  } catch (error) {
    const reason = error?.code === 'EADDRINUSE' ? `port ${port} is already in use (set PORT, or npm start -- --port <n>)` : String(error?.stack ?? error);
    process.stderr.write(`npm start: could not start: ${reason}\n`);
    process.exit(1);
  }
  const { url, demo } = listening;
  const credentialsFile = resolve(dataDir, DEMO_CREDENTIALS_FILE);
  // The file's first line is a heading ("shown once"): the details follow it.
  const credentials = demo
    ? formatCredentials(demo)
    : existsSync(credentialsFile)
      ? readFileSync(credentialsFile, 'utf8').split('\n').filter((text) => !text.startsWith('Parley demo')).join('\n')
      : undefined;
  const line = (label, path) => `  ${label.padEnd(32)} ${url}${path}`;
  process.stderr.write(
    [
      '',
      `Parley is running at ${url}`,
      '',
      line("Demo shop (the visitor's side)", '/'),
      line('Agent console', '/console/'),
      line('No server: all in one page', '/no-server/'),
      line('The widget in React', '/frameworks/react/'),
      line('The widget in Vue', '/frameworks/vue/'),
      line('Widget script (one tag)', '/widget/parley.js'),
      '',
      credentials
        ? `${demo ? 'First start: demo site and agents created.' : 'Demo sign-in (from the data folder):'}\n${credentials.trimEnd()}`
        : `No demo sign-in details in ${credentialsFile} (started with --no-demo, or the data was made another way).`,
      '',
      `Data: ${resolve(dataDir)} (SQLite: parley.db). Ctrl+C stops; the next npm start reuses the data.`,
      '',
    ].join('\n') + '\n',
  );
}

// ── main ─────────────────────────────────────────────────────────────────────

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  setup();
  try {
    await build();
  } catch (error) {
    console.error(`\nnpm start: the build failed:\n${error?.stack ?? error}`);
    process.exit(1);
  }
  if (!buildOnly) await serve();
}

#!/usr/bin/env node
// Makes `npm start` and `npm test` work on a fresh clone: installs the locked
// dependencies when node_modules is missing or older than package-lock.json, and
// (with --browser) Debian's Chromium for the browser tests when it is missing.
// Uses nothing but Node, since it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const run = (command, args, env = process.env) => {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
};

const installed = 'node_modules/.package-lock.json';
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync('package-lock.json').mtimeMs) {
  console.log('Installing the locked dependencies (npm ci)…');
  // better-sqlite3 compiles from source against Node's headers (see TOOLCHAIN notes in README).
  const env = existsSync('/usr/include/node/node.h') && !process.env.npm_config_nodedir
    ? { ...process.env, npm_config_nodedir: '/usr' }
    : process.env;
  run('npm', ['ci'], env);
}

if (process.argv.includes('--browser')) {
  const chromium = process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    const isRoot = process.getuid?.() === 0;
    if (!isRoot || !existsSync('/usr/bin/apt-get')) {
      console.error(
        `The browser tests need Chromium at ${chromium}. Install it (Debian: sudo apt-get install -y chromium)` +
          ' or point PARLEY_CHROMIUM at a Chromium or Chrome binary.',
      );
      process.exit(1);
    }
    console.log("Installing Debian's Chromium for the browser tests…");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update'], env);
    run('apt-get', ['install', '-y', 'chromium'], env);
  }
}

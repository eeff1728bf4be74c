#!/usr/bin/env node
// Runs every benchmark (bench/<name>/index.mjs) in turn and prints its figures.
// `npm run bench -- core-size` runs only the named ones.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv.slice(2);
const benches = readdirSync('bench')
  .filter((name) => existsSync(join('bench', name, 'index.mjs')))
  .filter((name) => only.length === 0 || only.includes(name));
let failed = 0;
for (const name of benches) {
  console.log(`\n=== bench/${name} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join('bench', name, 'index.mjs')], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);

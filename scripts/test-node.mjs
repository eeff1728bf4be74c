#!/usr/bin/env node
// Runs every node test with node's test runner through tsx: each package's
// (packages/*/test/node/**/*.test.ts), each example's (examples/*/test/node/**),
// and the cross-package ones at the root (test/node/**). Node 20 expands no
// globs, so we find the files here.
// Workspace packages resolve to their TypeScript sources (the "source" export
// condition), so tests need no build. Extra arguments go to node (e.g. --test-name-pattern=transfer).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) find(path, out);
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const isDir = (dir) => { try { return statSync(dir).isDirectory(); } catch { return false; } };
const files = [
  ...['packages', 'examples'].filter(isDir).flatMap((parent) => readdirSync(parent).map((name) => join(parent, name, 'test', 'node'))),
  join('test', 'node'),
]
  .filter(isDir)
  .flatMap((dir) => find(dir))
  .sort();
const filter = process.env.TEST_FILES;
const chosen = filter ? files.filter((f) => f.includes(filter)) : files;
if (chosen.length === 0) {
  console.error('No node test files found.');
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--conditions=source', '--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=120000', ...process.argv.slice(2), ...chosen],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);

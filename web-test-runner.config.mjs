// Browser tests of every package (test/browser/**/*.test.ts and element tests in src/), run by
// `npm run test:browser` in Debian's Chromium (npm packages cannot download a
// browser here; `.ci/run` installs it). The core tests' WebSocket far end is a
// `ws` server started and stopped with the run (wsTestServerPlugin).
import { join } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';

import { wsTestServerPlugin } from './packages/core/test/browser/support/ws-test-server.mjs';

const root = import.meta.dirname;
const ci = Boolean(process.env.CI);

/** After the default report, one plain line that says pass or fail, for logs read by people and scripts. */
function verdictReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const count = (suite) => {
        for (const test of suite?.tests ?? []) {
          if (test.skipped) skipped++;
          else if (test.passed) passed++;
          else failed++;
        }
        for (const child of suite?.suites ?? []) count(child);
      };
      for (const session of sessions) count(session.testResults);
      const broken = sessions.filter((s) => !s.passed).length;
      const ok = broken === 0;
      const detail = `${passed} passed, ${failed} failed, ${skipped} skipped in ${sessions.length} files`;
      // Printed once the default reporter is done with the terminal.
      setTimeout(() => {
        console.log(ok ? `\nBROWSER TESTS PASSED (${detail})` : `\nBROWSER TESTS FAILED (${detail}; ${broken} files failed)`);
      });
    },
  };
}

export default {
  rootDir: root,
  // Element tests sit beside their element (src/<element>/<element>.test.ts, STYLE rule 13).
  files: ['packages/*/test/browser/**/*.test.ts', 'packages/*/src/**/*.test.ts'],
  // Workspace packages resolve to their TypeScript sources (the "source" export
  // condition, as in tsconfig.base.json and the node tests), so no build is needed.
  // `browser` too: dependencies with a browser build (nanoid) must not get their
  // Node one (`node:crypto`), or nothing that makes ids can run in the page.
  nodeResolve: { exportConditions: ['source', 'browser'] },
  // Two cores: one test file per core.
  concurrency: 2,
  concurrentBrowsers: 1,
  // A cold CI machine starts Chromium and compiles the first files slowly.
  browserStartTimeout: 120_000,
  testsStartTimeout: 120_000,
  testsFinishTimeout: 300_000,
  staticLogging: ci,
  // Lit announces its dev build in every page; that is expected in tests.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  testFramework: {
    config: { timeout: 10_000 },
  },
  browsers: [
    chromeLauncher({
      // Each test file in its own window: in tabs of one window, all but the
      // front tab are hidden, so requestAnimationFrame stalls and focus is lost.
      createPage: ({ context }) => context.newPage({ type: 'window' }),
      launchOptions: {
        executablePath: process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--headless',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  plugins: [
    // Points at the file that itself holds experimentalDecorators and
    // useDefineForClassFields: the plugin does not follow `extends`.
    esbuildPlugin({ ts: true, tsconfig: join(root, 'tsconfig.base.json'), target: 'auto' }),
    wsTestServerPlugin(),
  ],
  reporters: [defaultReporter(), verdictReporter()],
};

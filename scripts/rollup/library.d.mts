// Types of library.mjs for TypeScript callers (test/node/packaging.test.ts).
import type { RollupOptions } from 'rollup';

/** The `src/*.ts` entry of every `exports` and `bin` target of a package, by output name. */
export function entriesOf(packageDir: string): Record<string, string>;
/** ES-module build of a package, one output file per source file. */
export function library(packageDir: string, options?: { extraPlugins?: readonly unknown[] }): RollupOptions;
export const packagePath: (name: string) => string;

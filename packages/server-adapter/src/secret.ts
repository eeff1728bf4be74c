/**
 * The server's secret (it signs agent and visitor tokens): given in the
 * options, or generated with `node:crypto` on first start and kept in the data
 * folder with mode 0600, so tokens stay valid across restarts.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

import type { Logger } from './log.js';

/** The secret's file name inside the data folder. */
export const SECRET_FILE = 'secret';

/** Shortest secret accepted (`createTokenAuth` needs 32 characters). */
const MIN_SECRET_CHARS = 32;

/**
 * Reads `<dataDir>/secret`, or creates it (64 random bytes, base64url, mode
 * 0600) when it does not exist. Creation is exclusive, so two processes
 * starting together end up with the same secret.
 *
 * @throws Error when the file exists but holds fewer than 32 characters.
 */
export function loadOrCreateSecret(dataDir: string, logger?: Logger): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, SECRET_FILE);
  try {
    const fd = openSync(file, 'wx', 0o600);
    try {
      writeSync(fd, `${randomBytes(64).toString('base64url')}\n`);
    } finally {
      closeSync(fd);
    }
    logger?.info('secret.created', { file });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) {
    logger?.warn('secret.readable-by-others', { file, hint: `chmod 600 ${file}` });
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < MIN_SECRET_CHARS) throw new Error(`${file} holds fewer than ${MIN_SECRET_CHARS} characters; delete it to generate a new secret.`);
  return secret;
}

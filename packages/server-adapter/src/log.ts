/**
 * Structured logging for the server: one JSON object per line, so a log
 * shipper can parse it without guessing. Anything that takes a {@link Logger}
 * also accepts your own (pino, winston, …) behind these three methods.
 */
import type { Writable } from 'node:stream';

/** Where the server writes what happened. `fields` are merged into the entry. */
export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** The level of a log entry. */
export type LogLevel = 'info' | 'warn' | 'error';

/** One line of {@link createJsonLogger}'s output. */
export interface LogEntry {
  readonly time: string;
  readonly level: LogLevel;
  readonly msg: string;
  readonly [field: string]: unknown;
}

/** Errors lose their message and stack under `JSON.stringify`; keep what helps. */
function serialisable(value: unknown): unknown {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { name: value.name, message: value.message, ...(code !== undefined && { code }), stack: value.stack };
  }
  if (typeof value === 'bigint') return value.toString();
  return value;
}

function line(level: LogLevel, msg: string, fields: Record<string, unknown> | undefined, base: Record<string, unknown>): string {
  const entry = { time: new Date().toISOString(), level, msg, ...base, ...fields };
  try {
    return JSON.stringify(entry, (_key, value: unknown) => serialisable(value)) + '\n';
  } catch {
    // A circular field must not take the log line (or the caller) down with it.
    return JSON.stringify({ time: entry.time, level, msg, logError: 'fields were not serialisable' }) + '\n';
  }
}

/**
 * A {@link Logger} writing JSON lines (`{"time","level","msg",...fields}`) to
 * `stream`. `base` fields go into every entry (e.g. `{ node: 'a' }`).
 */
export function createJsonLogger(stream: Writable = process.stdout, base: Record<string, unknown> = {}): Logger {
  const write = (level: LogLevel) => (msg: string, fields?: Record<string, unknown>) => {
    stream.write(line(level, msg, fields, base));
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

/** A {@link Logger} that drops everything. */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** A {@link Logger} that keeps entries in memory, for tests. */
export interface MemoryLogger extends Logger {
  readonly entries: LogEntry[];
}

/** Creates a {@link MemoryLogger}. */
export function createMemoryLogger(): MemoryLogger {
  const entries: LogEntry[] = [];
  const write = (level: LogLevel) => (msg: string, fields?: Record<string, unknown>) => {
    entries.push({ time: new Date().toISOString(), level, msg, ...fields });
  };
  return { entries, info: write('info'), warn: write('warn'), error: write('error') };
}

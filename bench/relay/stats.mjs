import { readdirSync, readFileSync } from 'node:fs';

// Latency samples and their percentiles.

export function createSamples() {
  let values = new Float64Array(1 << 16);
  let count = 0;
  return {
    add(value) {
      if (count === values.length) {
        const grown = new Float64Array(values.length * 2);
        grown.set(values);
        values = grown;
      }
      values[count++] = value;
    },
    get count() {
      return count;
    },
    percentile(p) {
      if (count === 0) return NaN;
      const sorted = values.slice(0, count).sort();
      return sorted[Math.min(count - 1, Math.floor((p / 100) * count))];
    },
  };
}

export const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

/** CPU seconds a process (or, with `/task/<tid>`, one of its threads) has used so far (Linux /proc), or NaN elsewhere. */
export function cpuSeconds(pid, task = '') {
  try {
    const fields = readFileSync(`/proc/${pid}${task}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 per second).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/**
 * CPU seconds of a process split in two: its main thread (the event loop) and
 * all its other threads (worker threads such as Parley's store thread, libuv's
 * pool running fsync, V8's garbage-collection helpers). Node names every thread
 * "node", so they cannot be told apart further.
 */
export function threadCpuSeconds(pid) {
  const main = cpuSeconds(pid, `/task/${pid}`);
  return { main, others: cpuSeconds(pid) - main };
}

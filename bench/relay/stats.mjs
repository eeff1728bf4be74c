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

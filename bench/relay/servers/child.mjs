// What every benchmark server child shares: tell the parent it is ready, answer
// memory probes (after a full GC), profile on request, and stop when told. Run
// with --expose-gc.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { writeHeapSnapshot } from 'node:v8';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** Reports readiness with extra details (port, tokens…) to the parent over IPC. */
export function ready(details) {
  process.send({ type: 'ready', ...details });
}

/** Answers the parent's messages: `measure` (memory after GC) and `stop` (runs `close` then exits). */
let profiler;
let loopDelay;
const post = (method) => new Promise((resolve, reject) => profiler.post(method, (error, result) => (error ? reject(error) : resolve(result))));

export function serve(close) {
  process.on('message', async (message) => {
    if (message.type === 'measure') {
      for (let i = 0; i < 3; i++) {
        globalThis.gc?.();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const m = process.memoryUsage();
      process.send({ type: 'memory', rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers });
    } else if (message.type === 'profile-start') {
      profiler = new Session();
      profiler.connect();
      await post('Profiler.enable');
      await post('Profiler.start');
      process.send({ type: 'profiling' });
    } else if (message.type === 'profile-stop') {
      const { profile } = await post('Profiler.stop');
      writeFileSync(message.file, JSON.stringify(profile));
      profiler.disconnect();
      process.send({ type: 'profiled', file: message.file });
    } else if (message.type === 'alloc-start') {
      profiler = new Session();
      profiler.connect();
      await post('HeapProfiler.enable');
      await new Promise((resolve, reject) => profiler.post('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true }, (error) => (error ? reject(error) : resolve())));
      process.send({ type: 'alloc-profiling' });
    } else if (message.type === 'alloc-stop') {
      const { profile } = await post('HeapProfiler.stopSampling');
      writeFileSync(message.file, JSON.stringify(profile));
      profiler.disconnect();
      process.send({ type: 'alloc-profiled', file: message.file });
    } else if (message.type === 'loop-delay-start') {
      loopDelay = monitorEventLoopDelay({ resolution: 1 });
      loopDelay.enable();
      process.send({ type: 'loop-delay-started' });
    } else if (message.type === 'loop-delay-stop') {
      loopDelay.disable();
      const ms = (ns) => ns / 1e6;
      process.send({ type: 'loop-delay', p50: ms(loopDelay.percentile(50)), p99: ms(loopDelay.percentile(99)), max: ms(loopDelay.max) });
    } else if (message.type === 'heap-snapshot') {
      globalThis.gc?.();
      process.send({ type: 'heap-snapshot', file: writeHeapSnapshot(message.file) });
    } else if (message.type === 'stop') {
      const timer = setTimeout(() => process.exit(0), 5_000);
      try {
        await close();
      } finally {
        clearTimeout(timer);
        process.exit(0);
      }
    }
  });
  process.on('disconnect', () => process.exit(0));
}

// Runs in Chromium (bundled by index.mjs): mounts a list over a fake client
// holding N visitors and times what an agent does with it. Exposed as
// `window.bench` for the driver.
import { createStaticTranslator, provideTranslator } from '@parley/widget/shared';
import '../../packages/agent-elements/src/visitor-list/define.ts';
import agentTexts from '../../packages/agent-elements/src/locales/en.ts';
import { COLUMN_SORT, searchText } from '../../packages/agent-elements/src/visitor-list/columns.ts';
import './naive-list.mjs';
import { makeVisitors, mutate, random } from './data.mjs';

const stage = document.getElementById('stage');
provideTranslator(stage, createStaticTranslator('en', agentTexts));

/** The part of AgentClient the lists read, fed by the benchmark. */
function fakeClient(visitors) {
  const handlers = new Map();
  return {
    visitors: new Map(visitors.map((v) => [v.id, v])),
    agents: new Map(),
    permissions: ['visitors.view'],
    watchingVisitors: true,
    watchVisitors: async () => {},
    on(type, handler) {
      if (!handlers.has(type)) handlers.set(type, new Set());
      handlers.get(type).add(handler);
      return () => handlers.get(type).delete(handler);
    },
    /** As AgentClient does: apply to the map, then tell. */
    change(change) {
      for (const id of change.removed) this.visitors.delete(id);
      for (const v of change.added) this.visitors.set(v.id, v);
      for (const v of change.updated) this.visitors.set(v.id, v);
      for (const handler of handlers.get('visitors') ?? []) handler(change);
    },
  };
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/** Script, style and layout of an operation (until the list rendered and laid out); and until the next frame. */
async function measure(operation) {
  await frame();
  const t0 = performance.now();
  await operation();
  stage.getBoundingClientRect();
  void stage.offsetHeight;
  const work = performance.now() - t0;
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  return { work, frame: performance.now() - t0 };
}

let el;
let client;
let data;

async function settled() {
  await el.updateComplete;
  await frame();
  await el.updateComplete;
}

window.bench = {
  async mount(kind, count) {
    stage.replaceChildren();
    data = makeVisitors(count);
    client = fakeClient(data);
    await frame();
    const result = await measure(async () => {
      el = document.createElement(kind === 'virtual' ? 'parley-visitor-list' : 'naive-visitor-list');
      el.client = client;
      stage.append(el);
      await el.updateComplete;
    });
    await settled();
    return result;
  },
  async sort(column, direction = 'asc') {
    return measure(async () => {
      el.sortColumn = column;
      el.sortDirection = direction;
      await el.updateComplete;
    });
  },
  async filter(query) {
    return measure(async () => {
      el.query = query;
      await el.updateComplete;
    });
  },
  rowsInDom() {
    return el.shadowRoot.querySelectorAll('[role=row], tr').length;
  },
  shown() {
    return el.rows ? el.rows.length : el.view().length;
  },
  /**
   * `total` updates to random visitors, `perFrame` of them each animation frame,
   * each its own change (as separate hub batches would come); or all of them in
   * one change when `oneBatch`. Returns the frame times seen meanwhile.
   */
  async burst(total, perFrame, oneBatch = false, maxFrames = Infinity) {
    const rand = random(7);
    const ids = [...client.visitors.keys()];
    const frames = [];
    const longFrames = [];
    let observer;
    if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
      observer = new PerformanceObserver((list) => longFrames.push(...list.getEntries().map((e) => e.duration)));
      observer.observe({ type: 'long-animation-frame' });
    }
    await frame();
    let sent = 0;
    let last = performance.now();
    await new Promise((resolve) => {
      const tick = (now) => {
        frames.push(now - last);
        last = now;
        if (sent >= total || frames.length > maxFrames) return resolve();
        const n = oneBatch ? total : Math.min(perFrame, total - sent);
        const updated = [];
        for (let i = 0; i < n; i++) {
          const id = ids[Math.floor(rand() * ids.length)];
          const next = mutate(rand, client.visitors.get(id), Date.now());
          if (oneBatch) updated.push(next);
          else client.change({ added: [], updated: [next], removed: [] });
        }
        if (oneBatch) client.change({ added: [], updated, removed: [] });
        sent += n;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    // The frame that renders the last updates.
    await settled();
    frames.push(performance.now() - last);
    if (observer) {
      longFrames.push(...observer.takeRecords().map((e) => e.duration));
      observer.disconnect();
    } else {
      // Without the Long Animation Frames API, gaps between frames are the best evidence.
      longFrames.push(...frames.filter((f) => f >= 50));
    }
    frames.shift(); // the wait before the first update
    return { frames, longFrames };
  },
  /** The floor: the same sort and filter on a plain array, nothing rendered. */
  arraySort(column) {
    const context = { agentName: (id) => id };
    const { kind, key } = COLUMN_SORT[column];
    const collator = new Intl.Collator('en');
    const t0 = performance.now();
    const keyed = data.map((v) => ({ v, k: key(v, context) }));
    keyed.sort((a, b) => {
      if (a.k !== b.k) {
        if (a.k === undefined) return 1;
        if (b.k === undefined) return -1;
        const order = kind === 'number' ? a.k - b.k : kind === 'code' ? (a.k < b.k ? -1 : 1) : collator.compare(a.k, b.k);
        if (order !== 0) return order;
      }
      return a.v.id < b.v.id ? -1 : 1;
    });
    return performance.now() - t0;
  },
  arrayFilter(query) {
    const context = { agentName: (id) => id };
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const t0 = performance.now();
    data.filter((v) => words.every((w) => searchText(v, context).includes(w)));
    return performance.now() - t0;
  },
};
window.benchReady = true;

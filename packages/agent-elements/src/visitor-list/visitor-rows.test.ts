import { expect } from '@open-wc/testing';
import type { VisitorInfo } from '@parley/core';
import { COLUMN_SORT, VISITOR_COLUMNS, searchText, visitorStatus, type ColumnContext } from './columns.js';
import { VisitorRows, type VisitorFilter, type VisitorSort } from './visitor-rows.js';

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ['Zürich', 'zurich', 'Århus', 'Berlin', '上海', '東京', 'São Paulo', undefined];
const NAMES = ['Ada', 'ada', 'Émile', 'Zoë', '王芳', undefined, undefined];
const STATES = [undefined, 'queued', 'active', 'transferring', 'ended'] as const;
const UAS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
  undefined,
];

function visitor(rand: () => number, id: string): VisitorInfo {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const sessionState = pick(STATES);
  const name = pick(NAMES);
  const location = pick(PLACES);
  const ua = pick(UAS);
  return {
    id,
    siteId: 'site',
    online: rand() > 0.2,
    visitCount: 1 + Math.floor(rand() * 5),
    enteredAt: 1_000 + Math.floor(rand() * 50),
    pageViews: 1,
    ...(name !== undefined && { name }),
    ...(location !== undefined && { location }),
    ...(ua !== undefined && { userAgent: ua }),
    ip: `10.0.${Math.floor(rand() * 3)}.${Math.floor(rand() * 300) % 256}`,
    ...(sessionState !== undefined && { sessionState, sessionId: `ses_${id}` }),
    ...(sessionState === 'queued' && { waitingSince: 2_000 + Math.floor(rand() * 20) }),
    ...(rand() > 0.5 && { lastMessage: { text: pick(['hello', 'Where is my parcel?', '退货']), at: 3_000 + Math.floor(rand() * 9) } }),
    ...(rand() > 0.7 && { agentId: pick(['agt_1', 'agt_2']) }),
  };
}

const context: ColumnContext = { agentName: (id) => ({ agt_1: 'Bea', agt_2: 'adam' })[id] };

/** The obvious implementation the fast one must agree with. */
function reference(all: Iterable<VisitorInfo>, sort: VisitorSort, filter: VisitorFilter): string[] {
  const collator = new Intl.Collator('en');
  const { kind, key } = COLUMN_SORT[sort.column];
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return [...all]
    .filter((v) => !(filter.hideDeparted && !v.online))
    .filter((v) => !(filter.onlyWaiting && visitorStatus(v) !== 'waiting'))
    .filter((v) => words.every((w) => searchText(v, context).includes(w)))
    .sort((a, b) => {
      const ka = key(a, context);
      const kb = key(b, context);
      if (ka !== kb) {
        if (ka === undefined) return 1;
        if (kb === undefined) return -1;
        const order =
          kind === 'number' ? (ka as number) - (kb as number) : kind === 'code' ? (ka < kb ? -1 : 1) : collator.compare(ka as string, kb as string);
        if (order !== 0) return sort.direction === 'asc' ? order : -order;
      }
      return a.id < b.id ? -1 : 1;
    })
    .map((v) => v.id);
}

const ids = (rows: VisitorRows) => rows.slice(0, rows.length).map((v) => v.id);

describe('VisitorRows', () => {
  it('sorts by every column in both directions, empty values last', () => {
    const rand = random(1);
    const all = Array.from({ length: 300 }, (_, i) => visitor(rand, `vis_${i.toString().padStart(3, '0')}`));
    const rows = new VisitorRows({ locale: 'en', context });
    rows.reset(all);
    for (const column of VISITOR_COLUMNS) {
      for (const direction of ['asc', 'desc'] as const) {
        rows.setSort({ column, direction });
        expect(ids(rows), `${column} ${direction}`).to.deep.equal(reference(all, { column, direction }, rows.filter));
      }
    }
  });

  it('filters departed, waiting and text (every word, any field, any case)', () => {
    const rand = random(2);
    const all = Array.from({ length: 300 }, (_, i) => visitor(rand, `vis_${i}`));
    const rows = new VisitorRows({ locale: 'en', context });
    rows.reset(all);
    const filters: VisitorFilter[] = [
      { hideDeparted: true, onlyWaiting: false, text: '' },
      { hideDeparted: false, onlyWaiting: true, text: '' },
      { hideDeparted: false, onlyWaiting: false, text: 'PARCEL' },
      { hideDeparted: true, onlyWaiting: false, text: 'bea  10.0.1' },
      { hideDeparted: false, onlyWaiting: false, text: '上海' },
      { hideDeparted: false, onlyWaiting: false, text: 'chrome windows' },
    ];
    for (const filter of filters) {
      rows.setFilter(filter);
      expect(ids(rows), JSON.stringify(filter)).to.deep.equal(reference(all, rows.sort, filter));
      expect(rows.length).to.be.greaterThan(0);
    }
  });

  it('stays equal to a fresh sort through random batches of changes, small and large', () => {
    const rand = random(3);
    const current = new Map<string, VisitorInfo>();
    for (let i = 0; i < 400; i++) current.set(`vis_${i}`, visitor(rand, `vis_${i}`));
    let next = 400;
    const sorts: VisitorSort[] = [
      { column: 'status', direction: 'asc' },
      { column: 'location', direction: 'desc' },
      { column: 'waiting', direction: 'desc' },
      { column: 'name', direction: 'asc' },
    ];
    for (const sort of sorts) {
      const filter: VisitorFilter = { hideDeparted: sort.column === 'location', onlyWaiting: false, text: sort.column === 'name' ? 'a' : '' };
      const rows = new VisitorRows({ locale: 'en', context, sort, filter });
      rows.reset(current.values());
      for (let round = 0; round < 40; round++) {
        const size = round % 3 === 0 ? 120 : 1 + Math.floor(rand() * 6);
        const added: VisitorInfo[] = [];
        const updated: VisitorInfo[] = [];
        const removed: string[] = [];
        const known = [...current.keys()];
        for (let i = 0; i < size; i++) {
          const roll = rand();
          if (roll < 0.15) {
            const id = `vis_${next++}`;
            added.push(visitor(rand, id));
          } else if (roll < 0.25) {
            removed.push(known[Math.floor(rand() * known.length)]!);
          } else {
            const id = known[Math.floor(rand() * known.length)]!;
            updated.push(rand() < 0.5 ? visitor(rand, id) : { ...current.get(id)!, pageViews: round });
          }
        }
        for (const id of removed) current.delete(id);
        for (const v of [...added, ...updated]) current.set(v.id, v);
        const before = { version: rows.version, ids: ids(rows) };
        rows.apply({ added, updated, removed });
        if (ids(rows).join() !== before.ids.join()) expect(rows.version).to.be.greaterThan(before.version);
        expect(ids(rows), `${sort.column} round ${round}`).to.deep.equal(reference(current.values(), sort, filter));
        expect(rows.total).to.equal(current.size);
      }
    }
  });

  it('finds a row by id, and updates one in place when its place holds', () => {
    const rand = random(4);
    const all = Array.from({ length: 50 }, (_, i) => visitor(rand, `vis_${i}`));
    const rows = new VisitorRows({ locale: 'en', context, sort: { column: 'entered', direction: 'asc' } });
    rows.reset(all);
    const third = rows.at(3)!;
    expect(rows.indexOf(third.id)).to.equal(3);
    rows.apply({ added: [], updated: [{ ...third, location: 'Lyon' }], removed: [] });
    expect(rows.at(3)?.location).to.equal('Lyon');
    expect(rows.get(third.id)?.location).to.equal('Lyon');
    rows.setFilter({ onlyWaiting: true });
    expect(rows.indexOf(all.find((v) => visitorStatus(v) === 'browsing')!.id)).to.equal(-1);
    expect(rows.indexOf('vis_nobody')).to.equal(-1);
  });

  it('takes the last word when one batch names a visitor twice', () => {
    const rand = random(5);
    const a = visitor(rand, 'vis_a');
    const rows = new VisitorRows({ locale: 'en' });
    rows.reset([a]);
    rows.apply({ added: [{ ...a, visitCount: 7 }], updated: [{ ...a, visitCount: 9 }], removed: [] });
    expect(rows.length).to.equal(1);
    expect(rows.at(0)?.visitCount).to.equal(9);
  });
});

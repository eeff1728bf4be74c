// Realistic live-visitor records (the hub's VisitorInfo) and the changes a busy
// site produces: page views, messages, chats starting and ending, departures.
// Deterministic (seeded) so every run and every list sees the same data.

export function random(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['Ada Lovelace', 'Émile Zola', 'Zoë Kravitz', '王芳', '李娜', '佐藤 健', '김민준', 'Иван Петров', 'Björn Borg', 'Ana García', 'Chloé Martin', 'Mohammed Ali'];
const PLACES = ['Berlin, DE', 'Lyon, FR', 'São Paulo, BR', '上海, CN', '北京, CN', '台北, TW', '東京, JP', '서울, KR', 'Москва, RU', 'Zürich, CH', 'Austin, US', 'Cairo, EG', 'Århus, DK'];
const PAGES = [
  ['https://shop.example/', 'Home'],
  ['https://shop.example/shoes', 'Shoes'],
  ['https://shop.example/shoes/runner-2', 'Runner 2 — Shoes'],
  ['https://shop.example/cart', 'Your cart'],
  ['https://shop.example/checkout', 'Checkout'],
  ['https://shop.example/help/returns', 'Returns and refunds'],
  ['https://shop.example/zh/鞋', '鞋子'],
];
const KEYWORDS = [undefined, undefined, 'running shoes', 'trail runner sale', '跑鞋', 'ランニングシューズ', 'кроссовки'];
const ENGINES = ['Google', 'Bing', 'Baidu', 'Yandex', 'DuckDuckGo'];
const LANGUAGES = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'zh-CN', 'zh-TW', 'ja-JP', 'ko-KR', 'ru-RU', 'ar-EG'];
const UAS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
];
const MESSAGES = ['Hello?', 'Where is my parcel?', 'Do you ship to Lyon?', '我想退货', 'サイズ交換できますか', 'Есть ли скидка?', 'Is the blue one in stock in size 42?'];
const AGENTS = ['agt_ada', 'agt_bo', 'agt_cy', 'agt_dee'];

const pick = (rand, list) => list[Math.floor(rand() * list.length)];

export function makeVisitor(rand, index, now) {
  const [url, title] = pick(rand, PAGES);
  const keyword = pick(rand, KEYWORDS);
  const roll = rand();
  const state = roll < 0.05 ? 'queued' : roll < 0.2 ? 'active' : roll < 0.22 ? 'ended' : undefined;
  const online = rand() > 0.1;
  const enteredAt = now - Math.floor(rand() * 3_600_000);
  const named = rand() < 0.3;
  return {
    id: `vis_${index.toString(36).padStart(6, '0')}`,
    siteId: 'site_bench',
    online,
    ...(named && { name: pick(rand, NAMES) }),
    visitCount: 1 + Math.floor(rand() * 12),
    ip: `${1 + Math.floor(rand() * 223)}.${Math.floor(rand() * 256)}.${Math.floor(rand() * 256)}.${Math.floor(rand() * 256)}`,
    location: pick(rand, PLACES),
    language: pick(rand, LANGUAGES),
    userAgent: pick(rand, UAS),
    enteredAt,
    ...(!online && { leftAt: enteredAt + Math.floor(rand() * 600_000) }),
    ...(keyword && { keyword, searchEngine: pick(rand, ENGINES) }),
    currentPage: { url, title, at: enteredAt, dwellMs: Math.floor(rand() * 300_000) },
    pageViews: 1 + Math.floor(rand() * 20),
    ...(state && { sessionId: `ses_${index}`, sessionState: state }),
    ...(state === 'queued' && { waitingSince: now - Math.floor(rand() * 300_000) }),
    ...(state === 'active' && { agentId: pick(rand, AGENTS) }),
    ...(state && rand() < 0.8 && { lastMessage: { text: pick(rand, MESSAGES), at: now - Math.floor(rand() * 600_000) } }),
  };
}

export function makeVisitors(count, seed = 42, now = Date.now()) {
  const rand = random(seed);
  return Array.from({ length: count }, (_, i) => makeVisitor(rand, i, now));
}

/** What happens to a visitor next: a page view (most often), a message, a chat starting or ending, leaving. */
export function mutate(rand, visitor, now) {
  const roll = rand();
  if (roll < 0.6) {
    const [url, title] = pick(rand, PAGES);
    return { ...visitor, currentPage: { url, title, at: now, dwellMs: 0 }, pageViews: visitor.pageViews + 1 };
  }
  if (roll < 0.8) return { ...visitor, lastMessage: { text: pick(rand, MESSAGES), at: now } };
  if (roll < 0.9) {
    return visitor.sessionState === 'queued'
      ? { ...visitor, sessionState: 'active', agentId: pick(rand, AGENTS), waitingSince: undefined }
      : { ...visitor, sessionId: `ses_${visitor.id}`, sessionState: 'queued', waitingSince: now };
  }
  return visitor.online ? { ...visitor, online: false, leftAt: now } : { ...visitor, online: true, leftAt: undefined, visitCount: visitor.visitCount + 1 };
}

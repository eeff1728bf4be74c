/**
 * What a referrer says about search (V10): which engine sent the visitor and
 * with what keyword. Pure, so the browser tracker and the hub read referrers
 * the same way (the hub never trusts the client's reading).
 */

interface Engine {
  readonly name: string;
  /** Matches the referrer's host name. */
  readonly host: RegExp;
  /** Query parameters that carry the keyword, in order of preference. */
  readonly params: readonly string[];
}

const ENGINES: readonly Engine[] = [
  { name: 'Google', host: /(^|\.)google\.[a-z.]+$/, params: ['q', 'query'] },
  { name: 'Bing', host: /(^|\.)bing\.com$/, params: ['q'] },
  { name: 'Baidu', host: /(^|\.)baidu\.com$/, params: ['wd', 'word', 'kw', 'q'] },
  { name: 'Sogou', host: /(^|\.)sogou\.com$/, params: ['query', 'keyword'] },
  { name: '360', host: /(^|\.)(so|haosou)\.com$/, params: ['q'] },
  { name: 'Yandex', host: /(^|\.)yandex\.[a-z.]+$|(^|\.)ya\.ru$/, params: ['text'] },
  { name: 'DuckDuckGo', host: /(^|\.)duckduckgo\.com$/, params: ['q'] },
  { name: 'Naver', host: /(^|\.)naver\.com$/, params: ['query'] },
  { name: 'Yahoo Japan', host: /(^|\.)yahoo\.co\.jp$/, params: ['p'] },
  { name: 'Yahoo', host: /(^|\.)yahoo\.com$/, params: ['p', 'q'] },
];

export interface ReferrerInfo {
  readonly searchEngine?: string;
  readonly keyword?: string;
}

/** Reads a referrer URL; anything that is not a known search engine gives `{}`. */
export function parseReferrer(referrer: string | undefined): ReferrerInfo {
  if (!referrer) return {};
  let url: URL;
  try {
    url = new URL(referrer);
  } catch {
    return {};
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return {};
  const host = url.hostname.toLowerCase();
  const engine = ENGINES.find((e) => e.host.test(host));
  if (!engine) return {};
  for (const param of engine.params) {
    const keyword = url.searchParams.get(param)?.trim();
    if (keyword) return { searchEngine: engine.name, keyword: keyword.slice(0, 256) };
  }
  return { searchEngine: engine.name };
}

/**
 * What a referrer says about search (V10): which engine sent the visitor and
 * with what keyword. Pure, so the browser tracker and the hub read referrers
 * the same way (the hub never trusts the client's reading).
 */

/**
 * The search engines known, each as `[name, host, params]`: its name, a pattern
 * the referrer's host name must match, and the query parameters that carry the
 * keyword, in order of preference.
 */
const ENGINES: readonly (readonly [name: string, host: RegExp, params: string])[] = [
  ['Google', /(^|\.)google\.[a-z.]+$/, 'q query'],
  ['Bing', /(^|\.)bing\.com$/, 'q'],
  ['Baidu', /(^|\.)baidu\.com$/, 'wd word kw q'],
  ['Sogou', /(^|\.)sogou\.com$/, 'query keyword'],
  ['360', /(^|\.)(so|haosou)\.com$/, 'q'],
  ['Yandex', /(^|\.)yandex\.[a-z.]+$|(^|\.)ya\.ru$/, 'text'],
  ['DuckDuckGo', /(^|\.)duckduckgo\.com$/, 'q'],
  ['Naver', /(^|\.)naver\.com$/, 'query'],
  ['Yahoo Japan', /(^|\.)yahoo\.co\.jp$/, 'p'],
  ['Yahoo', /(^|\.)yahoo\.com$/, 'p q'],
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
  const engine = ENGINES.find(([, pattern]) => pattern.test(host));
  if (!engine) return {};
  const [searchEngine, , params] = engine;
  for (const param of params.split(' ')) {
    const keyword = url.searchParams.get(param)?.trim();
    if (keyword) return { searchEngine, keyword: keyword.slice(0, 256) };
  }
  return { searchEngine };
}

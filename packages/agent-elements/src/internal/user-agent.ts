/**
 * "Chrome 131 · Windows" from a User-Agent string: enough for an agent to
 * picture the visitor's screen, not a full parser. Results are cached, since a
 * site's visitors share a few hundred distinct strings.
 */

const BROWSERS: readonly (readonly [string, RegExp])[] = [
  ['Edge', /Edg(?:e|A|iOS)?\/(\d+)/],
  ['Opera', /(?:OPR|Opera)\/(\d+)/],
  ['Samsung Internet', /SamsungBrowser\/(\d+)/],
  ['WeChat', /MicroMessenger\/(\d+)/],
  ['UC Browser', /UCBrowser\/(\d+)/],
  ['Firefox', /(?:Firefox|FxiOS)\/(\d+)/],
  ['Chrome', /(?:Chrome|CriOS)\/(\d+)/],
  ['Safari', /Version\/(\d+)[.\d]* (?:Mobile\/\S+ )?Safari\//],
];

const SYSTEMS: readonly (readonly [string, RegExp])[] = [
  ['Windows', /Windows NT/],
  ['iOS', /iPhone|iPad|iPod/],
  ['Android', /Android/],
  ['macOS', /Mac OS X|Macintosh/],
  ['ChromeOS', /CrOS/],
  ['Linux', /Linux/],
];

const CACHE_LIMIT = 2000;
const cache = new Map<string, string>();

export function summariseUserAgent(userAgent: string): string {
  const cached = cache.get(userAgent);
  if (cached !== undefined) return cached;
  let browser: string | undefined;
  for (const [name, pattern] of BROWSERS) {
    const match = pattern.exec(userAgent);
    if (match) {
      browser = `${name} ${match[1]}`;
      break;
    }
  }
  const system = SYSTEMS.find(([, pattern]) => pattern.test(userAgent))?.[0];
  const summary = [browser, system].filter(Boolean).join(' · ') || userAgent.slice(0, 40);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(userAgent, summary);
  return summary;
}

import { LIMITS } from '../protocol/limits.js';

/** What a visitor's `hello` may say about the browser, which core cannot read itself. */
export interface VisitorEnvironment {
  /** The browser's preferred language, as a BCP 47 tag (`navigator.language`). */
  readonly language?: string;
  readonly userAgent?: string;
}

/** Reads the visitor's language and user agent, cut to the protocol's limits. */
export function readVisitorEnvironment(win: Window = window): VisitorEnvironment {
  const { language, userAgent } = win.navigator;
  const environment: { -readonly [K in keyof VisitorEnvironment]: VisitorEnvironment[K] } = {};
  if (language) environment.language = language.slice(0, LIMITS.shortText);
  if (userAgent) environment.userAgent = userAgent.slice(0, LIMITS.longText);
  return environment;
}

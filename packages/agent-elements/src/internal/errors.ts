/** A refusal's text for the agent: `errors.<code>` when known, else the fallback key's. */
export function errorText(error: unknown, t: (key: string) => string, fallbackKey: string): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === 'string') {
    const key = `errors.${code}`;
    const text = t(key);
    if (text !== key) return text;
  }
  return t(fallbackKey);
}

/** Small helpers of the CLI test. */
export { until } from '../integration/support/clients.js';

/** `POST /api/login`; resolves with the token. */
export async function signIn(url: string, siteId: string, login: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ siteId, login, password }),
  });
  const body = (await res.json()) as { token?: string };
  if (!res.ok || !body.token) throw new Error(`sign-in failed for ${login}: ${res.status} ${JSON.stringify(body)}`);
  return body.token;
}

/**
 * JSON over HTTP to a Parley server: errors come back as
 * `{ error: { code, message } }` and reject as an {@link ApiError} carrying the
 * code; a failed request rejects with code `network`.
 */

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    /** The server's stable error code (`bad_credentials`, `forbidden`, …), or `network`. */
    readonly code: string,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export async function postJson<T>(
  fetchImpl: typeof fetch,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  body?: unknown,
  token?: string,
  signal?: AbortSignal,
): Promise<T> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method,
      headers: {
        ...(body !== undefined && { 'Content-Type': 'application/json' }),
        ...(token !== undefined && { Authorization: `Bearer ${token}` }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
      ...(signal && { signal }),
    });
  } catch (error) {
    if ((error as { name?: string }).name === 'AbortError') throw error;
    throw new ApiError('network', String(error));
  }
  const data: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const failure = (data as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    throw new ApiError(
      typeof failure?.code === 'string' ? failure.code : `http_${response.status}`,
      typeof failure?.message === 'string' ? failure.message : response.statusText,
      response.status,
    );
  }
  return data as T;
}

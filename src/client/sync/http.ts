import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/protocol/protocol-version.js';

export type HttpResult =
  | { kind: 'ok'; body: unknown }
  /** The server answered with an error (4xx or 5xx) and its `{error:{code,message}}`. */
  | { kind: 'error'; status: number; code: string; message: string }
  /** No answer: offline, DNS, reset, timeout. */
  | { kind: 'network'; message: string };

/** POSTs JSON with the protocol version; never throws for network or HTTP failures. */
export async function postJson(
  path: string,
  body: unknown,
  token: string | null,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = 30_000,
): Promise<HttpResult> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
  };
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetchImpl(path, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return { kind: 'network', message: error instanceof Error ? error.message : String(error) };
  }
  const parsed: unknown = await response.json().catch(() => null);
  if (response.ok) return { kind: 'ok', body: parsed };
  const error = (parsed as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return {
    kind: 'error',
    status: response.status,
    code: typeof error?.code === 'string' ? error.code : 'internal',
    message: typeof error?.message === 'string' ? error.message : response.statusText,
  };
}

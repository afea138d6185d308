import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/protocol/protocol-version.js';
import type { HttpResult } from './http.js';
import { postJson } from './http.js';

/**
 * Calls to the server that are not sync (issue 8: roster import, reports,
 * exports, administration). These screens need the network by nature (the
 * server holds every team's data); they never throw for network or HTTP
 * failures, so a screen can say "offline" or the server's reason.
 */

function headers(token: string | null): Record<string, string> {
  const h: Record<string, string> = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };
  if (token) h.authorization = `Bearer ${token}`;
  return h;
}

async function errorOf(response: Response): Promise<HttpResult> {
  const parsed: unknown = await response.json().catch(() => null);
  const error = (parsed as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return {
    kind: 'error',
    status: response.status,
    code: typeof error?.code === 'string' ? error.code : 'internal',
    message: typeof error?.message === 'string' ? error.message : response.statusText,
  };
}

/** GET a JSON answer. */
export async function getJson(
  path: string,
  token: string | null,
  fetchImpl: typeof fetch = fetch,
): Promise<HttpResult> {
  let response: Response;
  try {
    response = await fetchImpl(path, {
      headers: headers(token),
      signal: AbortSignal.timeout(60_000),
    });
  } catch (error) {
    return { kind: 'network', message: error instanceof Error ? error.message : String(error) };
  }
  if (!response.ok) return errorOf(response);
  return { kind: 'ok', body: (await response.json().catch(() => null)) as unknown };
}

/** POST JSON (a large import waits up to 5 minutes). */
export function sendJson(path: string, body: unknown, token: string | null, timeoutMs = 300_000) {
  return postJson(path, body, token, fetch, timeoutMs);
}

export type DownloadResult =
  { kind: 'ok'; fileName: string; size: number } | Exclude<HttpResult, { kind: 'ok' }>;

/** The file name from `Content-Disposition` (the UTF-8 form first). */
function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (utf8?.[1]) return decodeURIComponent(utf8[1]);
  const plain = /filename="([^"]+)"/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/** Saves a blob as a file through a temporary link (works in every mobile browser we target). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Downloads a file the server makes (an export) with the bearer token, which a
 * plain link cannot carry, and saves it.
 */
export async function downloadFile(
  path: string,
  token: string | null,
  fallbackName: string,
): Promise<DownloadResult> {
  let response: Response;
  try {
    response = await fetch(path, { headers: headers(token), signal: AbortSignal.timeout(120_000) });
  } catch (error) {
    return { kind: 'network', message: error instanceof Error ? error.message : String(error) };
  }
  if (!response.ok) return (await errorOf(response)) as Exclude<HttpResult, { kind: 'ok' }>;
  const blob = await response.blob();
  const fileName = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  saveBlob(blob, fileName);
  return { kind: 'ok', fileName, size: blob.size };
}

/** A file's bytes as base64, in slices (a 30 MB roster would overflow one `String.fromCharCode`). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const SLICE = 0x8000;
  for (let i = 0; i < bytes.length; i += SLICE) {
    binary += String.fromCharCode(...bytes.subarray(i, i + SLICE));
  }
  return btoa(binary);
}

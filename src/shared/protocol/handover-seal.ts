import type { HandoverBody, HandoverKeys, SealedBundle } from './handover-bundle.js';
import { HandoverError, handoverBodySchema, sealedBundleSchema } from './handover-bundle.js';

/**
 * Sealing and opening hand-over bundles with WebCrypto (the same code runs on
 * the phone and on the server, Node's `crypto.subtle`). See docs/handover.md
 * for why the key is the team's and what the giver's signature adds.
 *
 * Seal: body JSON → signed with the giver's own key (HMAC-SHA-256) → gzip →
 * AES-256-GCM with the team key, the clear header as associated data.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const SLICE = 0x8000;
  for (let i = 0; i < bytes.length; i += SLICE) {
    binary += String.fromCharCode(...bytes.subarray(i, i + SLICE));
  }
  return btoa(binary);
}

export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function through(
  bytes: Uint8Array<ArrayBuffer>,
  stream: CompressionStream | DecompressionStream,
): Promise<Uint8Array<ArrayBuffer>> {
  const out = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function importAes(key: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', base64ToBytes(key), 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
}

function importHmac(key: string): Promise<CryptoKey> {
  return crypto.subtle.importKey(
    'raw',
    base64ToBytes(key),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );
}

/** The clear header, in a fixed order: the associated data AES-GCM authenticates. */
function associatedData(header: Pick<SealedBundle, 'bundleId' | 'teamId' | 'kind'>) {
  return encoder.encode(`huiju-handover/1|${header.bundleId}|${header.teamId}|${header.kind}`);
}

/** A fresh random key (32 bytes, base64): used by the server for team and personal keys. */
export function randomKey(): string {
  return bytesToBase64(crypto.getRandomValues(new Uint8Array(32)));
}

export async function sealBundle(body: HandoverBody, keys: HandoverKeys): Promise<SealedBundle> {
  const parsed = handoverBodySchema.parse(body);
  if (parsed.teamId !== keys.teamId) {
    throw new HandoverError('bundle_wrong_team', 'A bundle is sealed with its own team’s key.');
  }
  const text = JSON.stringify(parsed);
  const mac = await crypto.subtle.sign(
    'HMAC',
    await importHmac(keys.userKey),
    encoder.encode(text),
  );
  const signed = encoder.encode(
    JSON.stringify({ body: text, mac: bytesToBase64(new Uint8Array(mac)) }),
  );
  const packed = await through(signed, new CompressionStream('gzip'));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const header = { bundleId: parsed.bundleId, teamId: parsed.teamId, kind: parsed.kind };
  const cipher = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: associatedData(header) },
    await importAes(keys.teamKey),
    packed,
  );
  return {
    format: 'huiju-handover',
    version: 1,
    ...header,
    iv: bytesToBase64(iv),
    data: bytesToBase64(new Uint8Array(cipher)),
  };
}

/** Reads a bundle's text (a file, or the QR frames put together); anything else is unreadable. */
export function parseSealedText(text: string): SealedBundle {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HandoverError('bundle_unreadable', 'This is not a Huiju hand-over bundle.');
  }
  const parsed = sealedBundleSchema.safeParse(json);
  if (!parsed.success) {
    throw new HandoverError('bundle_unreadable', 'This is not a Huiju hand-over bundle.');
  }
  return parsed.data;
}

export interface OpenedBundle {
  body: HandoverBody;
  /** The exact signed text and its signature: the server checks them with the giver's key. */
  bodyText: string;
  mac: string;
}

/**
 * Opens a bundle with the team key: another team's bundle is refused before
 * any decryption; a changed one fails AES-GCM's authentication and is
 * refused by name (`bundle_tampered`).
 */
export async function openBundle(
  sealed: SealedBundle,
  team: { teamId: string; teamKey: string },
): Promise<OpenedBundle> {
  if (sealed.teamId !== team.teamId) {
    throw new HandoverError(
      'bundle_wrong_team',
      `This bundle belongs to another team (${sealed.teamId}).`,
    );
  }
  let plain: Uint8Array<ArrayBuffer>;
  try {
    const cipher = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: base64ToBytes(sealed.iv), additionalData: associatedData(sealed) },
      await importAes(team.teamKey),
      base64ToBytes(sealed.data),
    );
    plain = await through(new Uint8Array(cipher), new DecompressionStream('gzip'));
  } catch {
    throw new HandoverError('bundle_tampered', 'This bundle was changed after it was sealed.');
  }
  try {
    const signed = JSON.parse(decoder.decode(plain)) as { body: string; mac: string };
    const body = handoverBodySchema.parse(JSON.parse(signed.body));
    if (
      body.bundleId !== sealed.bundleId ||
      body.teamId !== sealed.teamId ||
      body.kind !== sealed.kind ||
      typeof signed.mac !== 'string'
    ) {
      throw new Error('header and body differ');
    }
    return { body, bodyText: signed.body, mac: signed.mac };
  } catch {
    throw new HandoverError('bundle_tampered', 'This bundle was changed after it was sealed.');
  }
}

/** True when the giver's own key signed this body (only the giver and the server know it). */
export async function giverSigned(opened: OpenedBundle, userKey: string): Promise<boolean> {
  try {
    return await crypto.subtle.verify(
      'HMAC',
      await importHmac(userKey),
      base64ToBytes(opened.mac),
      encoder.encode(opened.bodyText),
    );
  } catch {
    return false;
  }
}

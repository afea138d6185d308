/**
 * A sealed bundle's text cut into numbered QR frames, and put back together
 * on the receiving phone (docs/handover.md "QR frames"). Each frame says which
 * bundle it belongs to, its number, the count and a CRC-32 of its own slice:
 * the receiver keeps every good frame in any order, ignores repeats, drops a
 * misread one (the sequence loops, it comes round again) and is done when it
 * holds them all. AES-GCM checks the whole bundle once it is put together.
 *
 * `HJ1/<bundle key>/<number>/<count>/<crc32 hex>/<slice>`
 */

const PREFIX = 'HJ1';
/** Characters of the bundle text per frame: a version ~20 QR code a cheap camera reads at arm's length. */
export const FRAME_CHARS = 600;
export const MAX_FRAMES = 9_999;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE) of a string's UTF-16 code units below 256 (frame slices are base64/JSON ASCII). */
export function crc32(text: string): string {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff]! ^ (crc >>> 8);
  }
  return ((crc ^ 0xffffffff) >>> 0).toString(16).padStart(8, '0');
}

/** The short key frames carry: enough to tell two bundles apart at one hand-over. */
export function frameKey(bundleId: string): string {
  return bundleId.replace(/[^A-Za-z0-9]/g, '').slice(0, 10) || 'bundle';
}

export function toFrames(text: string, bundleId: string, chars = FRAME_CHARS): string[] {
  const total = Math.max(1, Math.ceil(text.length / chars));
  if (total > MAX_FRAMES) throw new Error('bundle too large for QR frames');
  const key = frameKey(bundleId);
  const frames: string[] = [];
  for (let i = 0; i < total; i++) {
    const slice = text.slice(i * chars, (i + 1) * chars);
    frames.push(`${PREFIX}/${key}/${i + 1}/${total}/${crc32(slice)}/${slice}`);
  }
  return frames;
}

export interface Frame {
  key: string;
  index: number;
  total: number;
  slice: string;
}

/** A frame's parts, or why it is not one: `foreign` (another QR code) or `corrupt` (misread). */
export function parseFrame(text: string): Frame | 'foreign' | 'corrupt' {
  if (!text.startsWith(`${PREFIX}/`)) return 'foreign';
  const match = /^HJ1\/([A-Za-z0-9]{1,10})\/(\d{1,4})\/(\d{1,4})\/([0-9a-f]{8})\/([\s\S]*)$/.exec(
    text,
  );
  if (!match) return 'corrupt';
  const [, key, index, total, crc, slice] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const n = Number(index);
  const count = Number(total);
  if (n < 1 || count < 1 || n > count || crc32(slice) !== crc) return 'corrupt';
  return { key, index: n, total: count, slice };
}

/** What the receiver holds so far. Plain data: it can be kept and resumed. */
export interface Reassembly {
  key: string | null;
  total: number;
  slices: Record<number, string>;
  received: number;
}

export const emptyReassembly: Reassembly = { key: null, total: 0, slices: {}, received: 0 };

export type FrameOutcome = 'added' | 'duplicate' | 'corrupt' | 'foreign' | 'other_bundle';

/**
 * Adds one scanned text. The first good frame fixes the bundle; a frame of
 * another bundle is reported (the receiver may start over), never mixed in.
 */
export function addFrame(
  state: Reassembly,
  text: string,
): { state: Reassembly; outcome: FrameOutcome } {
  const frame = parseFrame(text);
  if (frame === 'foreign' || frame === 'corrupt') return { state, outcome: frame };
  if (state.key !== null && (frame.key !== state.key || frame.total !== state.total)) {
    return { state, outcome: 'other_bundle' };
  }
  if (state.slices[frame.index] !== undefined) return { state, outcome: 'duplicate' };
  return {
    state: {
      key: frame.key,
      total: frame.total,
      slices: { ...state.slices, [frame.index]: frame.slice },
      received: state.received + 1,
    },
    outcome: 'added',
  };
}

/** The numbers still missing, in order (for the progress grid). */
export function missingFrames(state: Reassembly): number[] {
  const missing: number[] = [];
  for (let i = 1; i <= state.total; i++) if (state.slices[i] === undefined) missing.push(i);
  return missing;
}

/** The bundle's text once every frame is in, else null. */
export function assembled(state: Reassembly): string | null {
  if (state.key === null || state.received < state.total) return null;
  let text = '';
  for (let i = 1; i <= state.total; i++) text += state.slices[i] ?? '';
  return text;
}

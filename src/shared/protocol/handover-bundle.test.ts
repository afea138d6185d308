import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HandoverBody, HandoverKeys } from './handover-bundle.js';
import { HandoverError } from './handover-bundle.js';
import {
  addFrame,
  assembled,
  emptyReassembly,
  missingFrames,
  toFrames,
} from './handover-frames.js';
import type { Reassembly } from './handover-frames.js';
import {
  base64ToBytes,
  bytesToBase64,
  giverSigned,
  openBundle,
  parseSealedText,
  randomKey,
  sealBundle,
} from './handover-seal.js';

const keys: HandoverKeys = { teamId: 'team-a', teamKey: randomKey(), userKey: randomKey() };

function body(count: number, over: Partial<HandoverBody> = {}): HandoverBody {
  return {
    format: 'huiju-handover-body',
    version: 1,
    bundleId: 'b1a2c3d4-0000-4000-8000-000000000001',
    kind: 'work',
    teamId: 'team-a',
    giver: { userId: 'user-v', name: '王志愿', role: 'volunteer', clientId: 'client-v' },
    to: { userId: 'user-l', name: '李组长' },
    createdAt: '2022-01-06T09:00:00Z',
    mutations: Array.from({ length: count }, (_, i) => ({
      id: i + 1,
      name: 'recordDoorVisit',
      args: { id: `visit-${i + 1}`, householdId: `hh-${i}`, status: 'notified' },
    })),
    ...over,
  };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HandoverError) return error.code;
    throw error;
  }
  return 'opened';
}

/** Flips one base64 character of the ciphertext to another valid one. */
function flip(data: string, at: number): string {
  const c = data[at] === 'A' ? 'B' : 'A';
  return data.slice(0, at) + c + data.slice(at + 1);
}

describe('sealing a hand-over bundle', () => {
  it('opens with the team key, keeps every mutation and id, and the giver’s signature checks', async () => {
    const sealed = await sealBundle(body(200), keys);
    expect(sealed.data).not.toContain('recordDoorVisit');
    expect(JSON.stringify(sealed)).not.toContain('王志愿');
    const opened = await openBundle(parseSealedText(JSON.stringify(sealed)), keys);
    expect(opened.body.mutations.map((m) => m.id)).toEqual(
      Array.from({ length: 200 }, (_, i) => i + 1),
    );
    expect(opened.body.giver.clientId).toBe('client-v');
    expect(await giverSigned(opened, keys.userKey)).toBe(true);
    expect(await giverSigned(opened, randomKey())).toBe(false);
  });

  it('refuses a changed bundle by name, wherever the change is', async () => {
    const sealed = await sealBundle(body(20), keys);
    // Not the last base64 group: its final character may hold padding bits only.
    for (const at of [0, Math.floor(sealed.data.length / 2), sealed.data.length - 5]) {
      expect(await refusal(openBundle({ ...sealed, data: flip(sealed.data, at) }, keys))).toBe(
        'bundle_tampered',
      );
    }
    // The clear header is authenticated too: relabelling the kind is a change.
    expect(await refusal(openBundle({ ...sealed, kind: 'assignments' }, keys))).toBe(
      'bundle_tampered',
    );
    expect(await refusal(openBundle({ ...sealed, iv: flip(sealed.iv, 2) }, keys))).toBe(
      'bundle_tampered',
    );
    // Another key of the same team id (a forged team key) fails the same way.
    expect(await refusal(openBundle(sealed, { teamId: 'team-a', teamKey: randomKey() }))).toBe(
      'bundle_tampered',
    );
  });

  it('refuses another team’s bundle before decrypting, and text that is no bundle', async () => {
    const theirs = await sealBundle(body(3, { teamId: 'team-b' }), { ...keys, teamId: 'team-b' });
    expect(await refusal(openBundle(theirs, keys))).toBe('bundle_wrong_team');
    expect(() => parseSealedText('{"format":"other"}')).toThrow(HandoverError);
    expect(() => parseSealedText('not json')).toThrow(/not a Huiju/);
    await expect(sealBundle(body(1, { teamId: 'team-b' }), keys)).rejects.toThrow(HandoverError);
  });

  it('base64 round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        expect(Array.from(base64ToBytes(bytesToBase64(bytes)))).toEqual(Array.from(bytes));
      }),
      { numRuns: 30 },
    );
  });
});

function feed(frames: string[], state: Reassembly = emptyReassembly) {
  let s = state;
  const outcomes: string[] = [];
  for (const f of frames) {
    const next = addFrame(s, f);
    s = next.state;
    outcomes.push(next.outcome);
  }
  return { state: s, outcomes };
}

describe('QR frames', () => {
  it('a sealed bundle of 200 changes goes over in frames, in any order, with repeats', async () => {
    const text = JSON.stringify(await sealBundle(body(200), keys));
    const frames = toFrames(text, 'b1a2c3d4-0000-4000-8000-000000000001');
    expect(frames.length).toBeGreaterThan(1);
    fc.assert(
      fc.property(fc.shuffledSubarray(frames, { minLength: frames.length }), (order) => {
        const { state } = feed([...order, ...order.slice(0, 3)]);
        expect(assembled(state)).toBe(text);
      }),
      { numRuns: 20 },
    );
    expect(
      (await openBundle(parseSealedText(assembled(feed(frames).state)!), keys)).body.mutations,
    ).toHaveLength(200);
  });

  it('counts repeats once, says which frames are missing, and resumes from kept state', () => {
    const frames = toFrames('x'.repeat(2_500), 'bundle-1', 600);
    expect(frames).toHaveLength(5);
    const first = feed([frames[0]!, frames[0]!, frames[3]!]);
    expect(first.outcomes).toEqual(['added', 'duplicate', 'added']);
    expect(missingFrames(first.state)).toEqual([2, 3, 5]);
    expect(assembled(first.state)).toBeNull();
    // The kept state is plain data: a copy of it resumes where the scan stopped.
    const resumed = feed([frames[4]!, frames[1]!, frames[2]!], structuredClone(first.state));
    expect(assembled(resumed.state)).toBe('x'.repeat(2_500));
  });

  it('drops a misread frame, ignores other QR codes and never mixes two bundles', () => {
    const frames = toFrames('abcdefghij'.repeat(100), 'bundle-1', 300);
    const misread = frames[1]!.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a'));
    const other = toFrames('z'.repeat(900), 'bundle-2', 300);
    const { state, outcomes } = feed([frames[0]!, misread, 'HUIJU:R:resident-1', other[1]!]);
    expect(outcomes).toEqual(['added', 'corrupt', 'foreign', 'other_bundle']);
    expect(state.received).toBe(1);
    expect(assembled(feed(frames.slice(1), state).state)).toBe('abcdefghij'.repeat(100));
  });
});

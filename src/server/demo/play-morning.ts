import type { DemoData } from '../../../seeds/demo-campaign.js';
import { DEMO_CAMPAIGN_ID, DEMO_PASSWORD } from '../../../seeds/demo-campaign.js';
import { morningActors, planMorning } from '../../../seeds/demo-morning.js';
import type { PlannedChange } from '../../../seeds/demo-morning.js';
import type { Principal } from '../auth/principal.js';
import { login } from '../auth/login.js';
import type { Store } from '../db/store.js';
import { pull } from '../sync/pull.js';
import { push } from '../sync/push.js';
import { DEMO_DEVICE_NAME } from './demo-handover.js';

/** Phones sync about this often in the morning: each push carries one phone's changes of one window. */
const WINDOW_MS = 10 * 60 * 1000;

export interface MorningResult {
  pushes: number;
  changes: number;
  rejected: { phone: string; name: string; code: string }[];
}

interface DemoPhone {
  principal: Principal;
  clientId: string;
  nextId: number;
}

/**
 * Plays the demo day's morning through the real server: each demo account
 * signs in (`login`, a device named `DEMO_DEVICE_NAME`), its phone pulls once
 * (which hands it a queue-number lane), then the planned changes are pushed
 * (`push`) phone by phone in ten-minute windows of the phones' clocks. Rows,
 * versions, audit and rejections are what real phones would have produced.
 * Throws when the server refused anything but the planned conflict.
 */
export async function playMorning(
  store: Store,
  demo: DemoData,
  now: Date,
  seed?: string,
): Promise<MorningResult> {
  const phones = new Map<string, DemoPhone>();
  const lanes: Record<string, string> = {};
  for (const phone of morningActors()) {
    const signedIn = await login(
      store,
      { phone, password: DEMO_PASSWORD, deviceName: DEMO_DEVICE_NAME },
      now,
    );
    const principal: Principal = { user: signedIn.user, deviceId: signedIn.deviceId };
    const clientId = `demo-phone-${phone}`;
    // A page of one row is enough: this pull is for the lane.
    const pulled = await pull(store, principal, { clientId, cookie: null }, 1);
    const lane = pulled.lanes[DEMO_CAMPAIGN_ID];
    if (lane) lanes[phone] = lane;
    phones.set(phone, { principal, clientId, nextId: 1 });
  }

  const plan = planMorning(demo, lanes, seed);
  const rejected: MorningResult['rejected'] = [];
  let pushes = 0;
  for (const batch of windows(plan.changes)) {
    const phone = phones.get(batch.actor);
    if (!phone) throw new Error(`demo phone ${batch.actor} did not sign in`);
    for (let i = 0; i < batch.changes.length; i += 500) {
      const mutations = batch.changes.slice(i, i + 500).map((c) => ({
        id: phone.nextId++,
        name: c.name,
        args: c.args as unknown,
      }));
      await push(store, phone.principal, { clientId: phone.clientId, mutations }, now);
      pushes += 1;
    }
  }

  const clientPhones = new Map([...phones].map(([p, d]) => [d.clientId, p]));
  const rows = await store.db
    .selectFrom('rejections')
    .select(['clientId', 'name', 'code'])
    .where('clientId', 'in', [...clientPhones.keys()])
    .orderBy('version')
    .execute();
  for (const r of rows) {
    rejected.push({ phone: clientPhones.get(r.clientId) ?? '', name: r.name, code: r.code });
  }
  const expected = plan.expectedRejections.map((e) => `${e.actor}:${e.name}:${e.code}`).join(',');
  const got = rejected.map((r) => `${r.phone}:${r.name}:${r.code}`).join(',');
  if (got !== expected) {
    throw new Error(`demo morning: expected rejections [${expected}], got [${got}]`);
  }
  return { pushes, changes: plan.changes.length, rejected };
}

/** Splits the timeline into windows; in each, every phone pushes its changes in order. */
function* windows(
  changes: PlannedChange[],
): Generator<{ actor: string; changes: PlannedChange[] }> {
  let i = 0;
  while (i < changes.length) {
    const window = Math.floor(changes[i]!.atMs / WINDOW_MS);
    const byActor = new Map<string, PlannedChange[]>();
    while (i < changes.length && Math.floor(changes[i]!.atMs / WINDOW_MS) === window) {
      const change = changes[i]!;
      const list = byActor.get(change.actor) ?? [];
      list.push(change);
      byActor.set(change.actor, list);
      i += 1;
    }
    for (const [actor, list] of byActor) yield { actor, changes: list };
  }
}

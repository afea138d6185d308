import type { Table } from 'dexie';
import type { Registration } from '../../shared/domain/registration.js';
import type { Resident } from '../../shared/domain/resident.js';
import type { Tube, TubeBinding } from '../../shared/domain/tube.js';
import { activeBindings, tubeFill } from '../../shared/domain/tube.js';
import type { HuijuDB, StoredRejection } from './database.js';

/**
 * This phone's desk at a site (not synced): the tube being filled now, and
 * the registrations waiting for the next tube, in the order they were made.
 */
export interface StationDesk {
  siteId: string;
  tubeId: string | null;
  waiting: string[];
}

function desks(db: HuijuDB): Table<StationDesk, string> {
  return db.table('stationDesk');
}

export async function getDesk(db: HuijuDB, siteId: string): Promise<StationDesk> {
  return (await desks(db).get(siteId)) ?? { siteId, tubeId: null, waiting: [] };
}

export async function setCurrentTube(db: HuijuDB, siteId: string, tubeId: string | null) {
  await db.transaction('rw', desks(db), async () => {
    const desk = await getDesk(db, siteId);
    await desks(db).put({ ...desk, tubeId });
  });
}

export async function addWaiting(db: HuijuDB, siteId: string, ids: readonly string[]) {
  await db.transaction('rw', desks(db), async () => {
    const desk = await getDesk(db, siteId);
    const waiting = [...desk.waiting, ...ids.filter((id) => !desk.waiting.includes(id))];
    await desks(db).put({ ...desk, waiting });
  });
}

export async function removeWaiting(db: HuijuDB, siteId: string, ids: readonly string[]) {
  await db.transaction('rw', desks(db), async () => {
    const desk = await getDesk(db, siteId);
    await desks(db).put({ ...desk, waiting: desk.waiting.filter((id) => !ids.includes(id)) });
  });
}

/** Live bindings of a tube, in their order in it. */
export async function tubeMembers(db: HuijuDB, tubeId: string): Promise<TubeBinding[]> {
  const rows = await db.synced('tubeBindings').where('tubeId').equals(tubeId).toArray();
  return activeBindings(rows).sort((a, b) => a.seq - b.seq);
}

/** Registration ids that hold a live place in some tube, among `ids`. */
async function boundAmong(db: HuijuDB, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .synced('tubeBindings')
    .where('registrationId')
    .anyOf([...ids])
    .toArray();
  return new Set(activeBindings(rows).map((b) => b.registrationId));
}

/** Whether the site binds samples to tubes in Huiju this campaign (any tube opened). */
export async function siteUsesTubes(db: HuijuDB, siteId: string, campaignId: string) {
  const tubes = await db.synced('tubes').where('siteId').equals(siteId).toArray();
  return tubes.some((t) => t.campaignId === campaignId);
}

export async function tubeByCode(db: HuijuDB, siteId: string, code: string) {
  return db.synced('tubes').where('[siteId+code]').equals([siteId, code]).first();
}

export interface DeskView {
  tube: Tube | null;
  members: TubeBinding[];
  fill: ReturnType<typeof tubeFill> | null;
  /** Registrations of this phone still waiting for a tube, in order (live and unbound only). */
  waiting: Registration[];
}

/** What the station shows about tubes: the current one, how full, who waits for the next. */
export async function deskView(db: HuijuDB, siteId: string): Promise<DeskView> {
  const desk = await getDesk(db, siteId);
  const tube = desk.tubeId ? ((await db.synced('tubes').get(desk.tubeId)) ?? null) : null;
  const members = tube ? await tubeMembers(db, tube.id) : [];
  const regs = await db.synced('registrations').bulkGet(desk.waiting);
  const bound = await boundAmong(db, desk.waiting);
  const waiting = regs.filter(
    (r): r is Registration => !!r && r.status === 'registered' && !bound.has(r.id),
  );
  return { tube, members, fill: tube ? tubeFill(tube, members.length) : null, waiting };
}

export interface MemberView {
  binding: TubeBinding;
  registration: Registration | undefined;
  resident: Resident | undefined;
}

export interface TubeView {
  tube: Tube;
  members: MemberView[];
  fill: ReturnType<typeof tubeFill>;
}

/** Every tube of a site in a campaign: open ones first, then by code. */
export async function siteTubes(
  db: HuijuDB,
  siteId: string,
  campaignId: string,
): Promise<TubeView[]> {
  const tubes = (await db.synced('tubes').where('siteId').equals(siteId).toArray()).filter(
    (t) => t.campaignId === campaignId,
  );
  const bindings = activeBindings(
    await db.synced('tubeBindings').where('siteId').equals(siteId).toArray(),
  );
  const regs = await db.synced('registrations').bulkGet(bindings.map((b) => b.registrationId));
  const regById = new Map(regs.flatMap((r) => (r ? [[r.id, r] as const] : [])));
  const residents = await db.synced('residents').bulkGet(bindings.map((b) => b.residentId));
  const resById = new Map(residents.flatMap((r) => (r ? [[r.id, r] as const] : [])));
  const byTube = new Map<string, MemberView[]>();
  for (const binding of bindings.sort((a, b) => a.seq - b.seq)) {
    const list = byTube.get(binding.tubeId) ?? [];
    list.push({
      binding,
      registration: regById.get(binding.registrationId),
      resident: resById.get(binding.residentId),
    });
    byTube.set(binding.tubeId, list);
  }
  return tubes
    .map((tube) => {
      const members = byTube.get(tube.id) ?? [];
      return { tube, members, fill: tubeFill(tube, members.length) };
    })
    .sort(
      (a, b) =>
        Number(a.tube.status === 'closed') - Number(b.tube.status === 'closed') ||
        a.tube.code.localeCompare(b.tube.code),
    );
}

export interface UnboundSample {
  registration: Registration;
  resident: Resident | undefined;
  /** Why the server refused this phone's binding of it, if it did: the rejection's code and params. */
  refused: { code: string; params: Record<string, string | number> } | null;
  /** Waiting on this phone for the next tube (not a conflict, just not placed yet). */
  waitingHere: boolean;
}

/**
 * Live registrations of a site with no place in any tube: samples waiting
 * for the next tube, and samples whose binding the server refused (a tube
 * two phones overfilled). Nothing is lost: they are listed until a person
 * puts them in a tube.
 */
export async function unboundSamples(
  db: HuijuDB,
  siteId: string,
  campaignId: string,
): Promise<UnboundSample[]> {
  const regs = (await db.synced('registrations').where('siteId').equals(siteId).toArray()).filter(
    (r) => r.campaignId === campaignId && r.status === 'registered',
  );
  const bound = new Set(
    activeBindings(await db.synced('tubeBindings').where('siteId').equals(siteId).toArray()).map(
      (b) => b.registrationId,
    ),
  );
  const loose = regs.filter((r) => !bound.has(r.id));
  if (loose.length === 0) return [];
  const desk = await getDesk(db, siteId);
  const refusals = new Map<string, UnboundSample['refused']>();
  await db.rejections
    .filter((r) => r.name === 'bindSample' && r.dismissedAt === null)
    .each((r) => {
      const registrationId = (r.args as { registrationId?: unknown } | null)?.registrationId;
      if (typeof registrationId === 'string') {
        refusals.set(registrationId, { code: r.code, params: r.params });
      }
    });
  const residents = await db.synced('residents').bulkGet(loose.map((r) => r.residentId));
  return loose
    .map((registration, i) => ({
      registration,
      resident: residents[i],
      refused: refusals.get(registration.id) ?? null,
      waitingHere: desk.waiting.includes(registration.id),
    }))
    .sort(
      (a, b) =>
        a.registration.lane.localeCompare(b.registration.lane) ||
        a.registration.seq - b.registration.seq,
    );
}

/** The live binding of each of these registrations, by registration id. */
export async function bindingsOf(
  db: HuijuDB,
  registrationIds: readonly string[],
): Promise<Map<string, TubeBinding>> {
  if (registrationIds.length === 0) return new Map();
  const rows = await db
    .synced('tubeBindings')
    .where('registrationId')
    .anyOf([...registrationIds])
    .toArray();
  return new Map(activeBindings(rows).map((b) => [b.registrationId, b]));
}

/** The server's open refusals of binding these samples. */
export async function bindRefusals(
  db: HuijuDB,
  registrationIds: readonly string[],
): Promise<StoredRejection[]> {
  if (registrationIds.length === 0) return [];
  return db.rejections
    .filter((r) => {
      const id = (r.args as { registrationId?: unknown } | null)?.registrationId;
      return (
        r.name === 'bindSample' && r.dismissedAt === null && registrationIds.includes(id as string)
      );
    })
    .toArray();
}

/**
 * The server's refusals of binding these samples are settled once they are in
 * a tube again. The caller first sends a `dismissRejection` for each (from
 * `bindRefusals`), so the settling reaches the server's audit log.
 */
export async function dismissBindRefusals(
  db: HuijuDB,
  registrationIds: readonly string[],
  now: Date,
): Promise<void> {
  if (registrationIds.length === 0) return;
  await db.rejections
    .filter((r) => {
      const id = (r.args as { registrationId?: unknown } | null)?.registrationId;
      return (
        r.name === 'bindSample' && r.dismissedAt === null && registrationIds.includes(id as string)
      );
    })
    .modify({ dismissedAt: now.toISOString() });
}

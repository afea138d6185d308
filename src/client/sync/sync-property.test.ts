import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CAMPAIGN_ID, generateDemo } from '../../../seeds/demo-campaign.js';
import { checkDigit } from '../../shared/domain/id-number.js';
import type { RowOf } from '../../shared/domain/tables.js';
import type { User } from '../../shared/domain/team.js';
import { MutationRejected } from '../../shared/mutators/mutation-rejected.js';
import type { AddResidentArgs } from '../../shared/mutators/add-resident.js';
import type { RegisterNewResidentArgs } from '../../shared/mutators/register-new-resident.js';
import type { RegisterResidentArgs } from '../../shared/mutators/register-resident.js';
import type { VoidRegistrationArgs } from '../../shared/mutators/void-registration.js';
import { loginResponseSchema } from '../../shared/protocol/login.js';
import { pushRequestSchema } from '../../shared/protocol/push.js';
import { buildApp } from '../../server/app.js';
import { loadSeed } from '../../server/db/load-seed.js';
import { migrate } from '../../server/db/migrate.js';
import { toSharedRow } from '../../server/db/server-tx.js';
import type { Engine, Store } from '../../server/db/store.js';
import { openStore } from '../../server/db/store.js';
import {
  createTempDatabase,
  PG_ADMIN_URL,
  postgresAvailable,
} from '../../server/db/test-postgres.js';
import { injectFetch } from '../../server/testing/inject-fetch.js';
import { mutationContext } from '../db/context.js';
import { HuijuDB } from '../db/database.js';
import { getMeta, setMeta } from '../db/meta.js';
import { runMutation } from '../db/run-mutation.js';
import { laneFor, nextQueueSeq } from '../db/station-queries.js';
import { postJson } from './http.js';
import { syncOnce } from './sync-once.js';
import type { SyncResult } from './sync-once.js';

/*
 * Property: whatever the network and the server do (lost requests, lost
 * answers, duplicated and stale requests, restarts, phones offline for a
 * while), every change a volunteer makes on a phone reaches the server exactly
 * once, or is rejected with a reason that reaches that phone; and in the end
 * every phone holds exactly the server's rows of its team's sites.
 *
 * Real code on both sides: HuijuDB over fake-indexeddb, runMutation, syncOnce;
 * the Fastify app in-process (inject) on a SQLite file or a PostgreSQL
 * database. Replay a failure with HUIJU_PROP_SEED=<seed> (and HUIJU_PROP_PATH
 * from the report); HUIJU_PROP_RUNS changes the number of runs,
 * HUIJU_PROP_SHRINK=1 lets fast-check shrink a failing scenario (slow).
 */

const DEMO_DAY = '2022-01-06';
const PASSWORD = 'demo-1234';
const SITE = 'site-tongye-village';
const CAMPAIGN = DEMO_CAMPAIGN_ID;
const TEAM_PHONES = ['13800000002', '13800000003', '13800000004', '13800000005'];
const MIN_PHONES = 3;
const MIN_ACTIONS = 25;
const MAX_ACTIONS = 40;
const RUNS: Record<Engine, number> = {
  sqlite: Number(process.env.HUIJU_PROP_RUNS ?? 16),
  postgres: Number(process.env.HUIJU_PROP_RUNS ?? 12),
};

const demo = generateDemo(DEMO_DAY);
const TEAM_SITES = demo.teamSites.filter((t) => t.teamId === 'team-1').map((t) => t.siteId);
const rosterIds = new Set(demo.residents.map((r) => r.idNumber).filter((n) => n !== null));
/**
 * ID numbers for people added on the phones. A small pool, so two phones often
 * add the same person: the second to reach the server is rejected (resident_exists).
 */
const ID_POOL = Array.from({ length: 4 }, (_, i) => {
  const first17 = `13018519000101${String(101 + i)}`;
  return first17 + checkDigit(first17);
}).filter((n) => !rosterIds.has(n));

// ---------------------------------------------------------------- scenarios

type Fault =
  | { kind: 'none' }
  /** The n-th request of the sync is lost before the server sees it. */
  | { kind: 'dropRequest'; at: number }
  /** The n-th request reaches the server and commits; its answer is lost. */
  | { kind: 'dropResponse'; at: number }
  /** The n-th request is sent twice, one after the other or both at once. */
  | { kind: 'duplicate'; at: number; concurrent: boolean };

type Action =
  | { kind: 'register'; phone: number; pick: number }
  /** A person not on the roster: only added, added then registered, or both in one change. */
  | { kind: 'add'; phone: number; person: number; register: 'no' | 'then' | 'together' }
  | { kind: 'void'; phone: number; pick: number; force: boolean }
  | { kind: 'sync'; phone: number; fault: Fault }
  | { kind: 'syncAll'; concurrent: boolean }
  | { kind: 'network'; phone: number; online: boolean }
  | { kind: 'replay'; phone: number; pick: number; concurrent: boolean }
  | { kind: 'restart' };

interface Scenario {
  phones: number;
  pageSize: number;
  actions: Action[];
}

const phoneArb = fc.nat({ max: TEAM_PHONES.length - 1 });
/** Which request of the sync is hit: 0 is the push when something is pending, else the first pull. */
const atArb = fc.nat({ max: 2 });
const faultArb: fc.Arbitrary<Fault> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('dropRequest' as const), at: atArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('dropResponse' as const), at: atArb }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('duplicate' as const),
      at: atArb,
      concurrent: fc.boolean(),
    }),
  },
);
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('register' as const),
      phone: phoneArb,
      pick: fc.nat(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      phone: phoneArb,
      person: fc.nat({ max: ID_POOL.length - 1 }),
      register: fc.constantFrom('no' as const, 'then' as const, 'together' as const),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('void' as const),
      phone: phoneArb,
      pick: fc.nat(),
      force: fc.boolean(),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant('sync' as const), phone: phoneArb, fault: faultArb }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('syncAll' as const), concurrent: fc.boolean() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('network' as const),
      phone: phoneArb,
      online: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('replay' as const),
      phone: phoneArb,
      pick: fc.nat(),
      concurrent: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
);
const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  phones: fc.integer({ min: MIN_PHONES, max: TEAM_PHONES.length }),
  // Small pull pages, so incremental pulls are paged too (and cut between pages).
  pageSize: fc.integer({ min: 3, max: 40 }),
  actions: fc.array(actionArb, { minLength: MIN_ACTIONS, maxLength: MAX_ACTIONS }),
});

// ---------------------------------------------------------------- databases

/** Fresh copies of the migrated demo database, one per run. */
interface Databases {
  fresh(): Promise<{ url: string; drop: () => Promise<void> }>;
  dispose(): Promise<void>;
}

async function loadDemo(url: string): Promise<void> {
  const store = openStore(url);
  await migrate(store.db);
  const { accounts, ...rows } = demo;
  await loadSeed(store, rows, accounts);
  await store.close();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function sqliteDatabases(): Promise<Databases> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huiju-prop-'));
  const template = path.join(dir, 'template.sqlite');
  await loadDemo(`sqlite:${template}`);
  let n = 0;
  return {
    async fresh() {
      n += 1;
      const file = path.join(dir, `run-${n}.sqlite`);
      fs.copyFileSync(template, file);
      return {
        url: `sqlite:${file}`,
        drop: async () => {
          for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
        },
      };
    },
    async dispose() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

type RawQuery = Parameters<Store['db']['executeQuery']>[0];
/** A statement Kysely's query builder cannot express (create database … template …). */
function rawQuery(statement: string): RawQuery {
  return {
    sql: statement,
    parameters: [],
    query: { kind: 'RawNode', sqlFragments: [statement], parameters: [] },
    queryId: { queryId: statement },
  } as unknown as RawQuery;
}

/** The demo is loaded once into a template database; each run gets `create database … template`. */
async function postgresDatabases(): Promise<Databases> {
  const template = await createTempDatabase();
  await loadDemo(template.url);
  const templateName = new URL(template.url).pathname.slice(1);
  const admin = openStore(PG_ADMIN_URL);
  const exec = (statement: string) => admin.db.executeQuery(rawQuery(statement));
  let n = 0;
  return {
    async fresh() {
      n += 1;
      const name = `${templateName}_r${n}`;
      for (let attempt = 1; ; attempt++) {
        try {
          await exec(`create database ${name} template ${templateName}`);
          break;
        } catch (error) {
          // The template's last connection may still be closing.
          if (attempt >= 30) throw error;
          await sleep(100);
        }
      }
      const url = new URL(PG_ADMIN_URL);
      url.pathname = `/${name}`;
      return {
        url: url.toString(),
        drop: async () => {
          await exec(`drop database if exists ${name} with (force)`);
        },
      };
    },
    async dispose() {
      await admin.close();
      await template.drop();
    },
  };
}

// ---------------------------------------------------------------- the world

/** The real server, in-process; it can be stopped and started again on the same database. */
class SimServer {
  store!: Store;
  app!: FastifyInstance;
  constructor(
    readonly url: string,
    readonly pageSize: number | undefined,
  ) {}
  async start() {
    this.store = openStore(this.url);
    this.app = await buildApp({ store: this.store, pullPageSize: this.pageSize });
  }
  async stop() {
    await this.app.close();
    await this.store.close();
  }
  /** A fetch to whichever app is running when the request is made. */
  fetch: typeof fetch = (input, init) => injectFetch(this.app)(input, init);
}

type MutationName = 'addResident' | 'registerResident' | 'registerNewResident' | 'voidRegistration';
interface Created {
  id: number;
  name: MutationName;
  args: AddResidentArgs | RegisterResidentArgs | RegisterNewResidentArgs | VoidRegistrationArgs;
  /** Queued without the phone's own check (as an older app build would). */
  forced: boolean;
}

interface Phone {
  label: string;
  user: User;
  token: string;
  db: HuijuDB;
  clientId: string;
  online: boolean;
  created: Created[];
  /** Every push body this phone put on the wire, for stale replays. */
  pushes: string[];
  fault: Fault;
  requests: number;
  faultFired: boolean;
  fetch: typeof fetch;
}

interface Totals {
  runs: number;
  phones: number;
  actions: number;
  mutations: number;
  refusedOnPhone: number;
  forcedVoids: number;
  applied: number;
  rejected: Record<string, number>;
  syncs: number;
  pagedPulls: number;
  faults: {
    dropRequest: number;
    dropResponse: number;
    duplicate: number;
    duplicateConcurrent: number;
    staleReplay: number;
    staleReplayConcurrent: number;
    restart: number;
    offlineSync: number;
  };
}

function newTotals(): Totals {
  return {
    runs: 0,
    phones: 0,
    actions: 0,
    mutations: 0,
    refusedOnPhone: 0,
    forcedVoids: 0,
    applied: 0,
    rejected: {},
    syncs: 0,
    pagedPulls: 0,
    faults: {
      dropRequest: 0,
      dropResponse: 0,
      duplicate: 0,
      duplicateConcurrent: 0,
      staleReplay: 0,
      staleReplayConcurrent: 0,
      restart: 0,
      offlineSync: 0,
    },
  };
}

const lost = () => new TypeError('Failed to fetch (injected)');

function phoneFetch(phone: Phone, server: SimServer, totals: Totals): typeof fetch {
  return async (input, init) => {
    if (!phone.online) throw lost();
    const n = phone.requests++;
    const url = String(input);
    if (url.endsWith('/api/sync/push')) phone.pushes.push(String(init?.body));
    if (url.endsWith('/api/sync/pull')) {
      const body = JSON.parse(String(init?.body)) as { cookie: { page: unknown } | null };
      if (body.cookie?.page) totals.pagedPulls += 1;
    }
    const fault = phone.fault;
    if (fault.kind === 'none' || fault.at !== n) return server.fetch(input, init);
    phone.faultFired = true;
    switch (fault.kind) {
      case 'dropRequest':
        totals.faults.dropRequest += 1;
        throw lost();
      case 'dropResponse':
        totals.faults.dropResponse += 1;
        await server.fetch(input, init);
        throw lost();
      case 'duplicate': {
        if (fault.concurrent) {
          totals.faults.duplicateConcurrent += 1;
          const [, second] = await Promise.all([
            server.fetch(input, init),
            server.fetch(input, init),
          ]);
          return second;
        }
        totals.faults.duplicate += 1;
        await server.fetch(input, init);
        return server.fetch(input, init);
      }
    }
  };
}

async function signIn(server: SimServer, phoneNumber: string) {
  const result = await postJson(
    '/api/auth/login',
    { phone: phoneNumber, password: PASSWORD, deviceName: `prop-${phoneNumber}` },
    null,
    server.fetch,
  );
  if (result.kind !== 'ok') throw new Error(`login ${phoneNumber}: ${JSON.stringify(result)}`);
  return loginResponseSchema.parse(result.body);
}

let dbCounter = 0;

// ---------------------------------------------------------------- actions

async function localResidents(phone: Phone) {
  return phone.db.synced('residents').where('siteId').equals(SITE).sortBy('id');
}

async function mutate(
  phone: Phone,
  totals: Totals,
  name: MutationName,
  args: Created['args'],
): Promise<boolean> {
  const ctx = await mutationContext(phone.db, phone.user);
  try {
    const id = await runMutation(phone.db, ctx, name, args as never);
    phone.created.push({ id, name, args, forced: false });
    totals.mutations += 1;
    return true;
  } catch (error) {
    if (!(error instanceof MutationRejected)) throw error;
    // Refused on the phone (the person is told at once): never queued.
    totals.refusedOnPhone += 1;
    return false;
  }
}

/** The next queue number of the phone's lane, as the station screen draws it. */
async function queueNumber(phone: Phone, key: string) {
  const lane = await laneFor(phone.db, CAMPAIGN);
  if (!lane) throw new Error(`${phone.label} has no lane`);
  const seq = await nextQueueSeq(phone.db, SITE, CAMPAIGN, lane);
  return {
    id: `reg-${key}`,
    campaignId: CAMPAIGN,
    siteId: SITE,
    lane,
    seq,
    at: `${DEMO_DAY}T09:00:00.000Z`,
  };
}

async function register(phone: Phone, totals: Totals, residentId: string, key: string) {
  const args: RegisterResidentArgs = { ...(await queueNumber(phone, key)), residentId };
  return mutate(phone, totals, 'registerResident', args);
}

/** Queues a mutation without running it on the phone: only the server decides. */
async function forceQueue(phone: Phone, totals: Totals, name: MutationName, args: Created['args']) {
  const id = await phone.db.transaction('rw', phone.db.outbox, phone.db.meta, async () => {
    const next = (await getMeta(phone.db, 'nextMutationId')) ?? 1;
    await phone.db.outbox.add({ id: next, name, args, createdAt: new Date().toISOString() });
    await setMeta(phone.db, 'nextMutationId', next + 1);
    return next;
  });
  phone.created.push({ id, name, args, forced: true });
  totals.mutations += 1;
  totals.forcedVoids += 1;
}

async function sync(phone: Phone, totals: Totals, fault: Fault): Promise<SyncResult> {
  phone.fault = fault;
  phone.requests = 0;
  phone.faultFired = false;
  totals.syncs += 1;
  if (!phone.online) totals.faults.offlineSync += 1;
  try {
    const result = await syncOnce({
      db: phone.db,
      user: phone.user,
      token: phone.token,
      fetchImpl: phone.fetch,
    });
    const lossy = fault.kind === 'dropRequest' || fault.kind === 'dropResponse';
    const expected = !phone.online || (lossy && phone.faultFired) ? 'retry' : 'done';
    expect(
      result.kind,
      `${phone.label} sync with ${JSON.stringify(fault)}: ${JSON.stringify(result)}`,
    ).toBe(expected);
    return result;
  } finally {
    phone.fault = { kind: 'none' };
  }
}

async function replay(phone: Phone, server: SimServer, pick: number) {
  const body = phone.pushes[pick % phone.pushes.length] as string;
  const ids = pushRequestSchema.parse(JSON.parse(body)).mutations.map((m) => m.id);
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/sync/push',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${phone.token}` },
    payload: body,
  });
  expect(res.statusCode, `stale replay of ${phone.label}: ${res.body}`).toBe(200);
  const { lastMutationId } = res.json<{ lastMutationId: number }>();
  expect(lastMutationId).toBeGreaterThanOrEqual(Math.max(...ids));
}

async function act(
  action: Action,
  key: string,
  phones: Phone[],
  server: SimServer,
  totals: Totals,
): Promise<void> {
  const phoneOf = (i: number) => phones[i % phones.length] as Phone;
  switch (action.kind) {
    case 'register': {
      const phone = phoneOf(action.phone);
      const residents = await localResidents(phone);
      const resident = residents[action.pick % residents.length];
      if (resident) await register(phone, totals, resident.id, key);
      return;
    }
    case 'add': {
      const phone = phoneOf(action.phone);
      const idNumber = ID_POOL[action.person] as string;
      const args: AddResidentArgs = {
        id: `res-${key}`,
        siteId: SITE,
        householdId: null,
        employerId: null,
        name: `新人${action.person}`,
        namePinyin: 'xinren',
        nameInitials: 'xr',
        idType: 'mainland',
        idNumber,
        noIdReason: null,
        phone: null,
        at: `${DEMO_DAY}T09:00:00.000Z`,
      };
      if (action.register === 'together') {
        const together: RegisterNewResidentArgs = {
          resident: args,
          registration: await queueNumber(phone, key),
        };
        await mutate(phone, totals, 'registerNewResident', together);
        return;
      }
      const added = await mutate(phone, totals, 'addResident', args);
      if (added && action.register === 'then') await register(phone, totals, args.id, key);
      return;
    }
    case 'void': {
      const phone = phoneOf(action.phone);
      const regs = await phone.db.synced('registrations').where('siteId').equals(SITE).sortBy('id');
      const reg = regs[action.pick % Math.max(1, regs.length)];
      if (!reg) return;
      const args: VoidRegistrationArgs = { registrationId: reg.id, reason: '登记错了' };
      const voided = await mutate(phone, totals, 'voidRegistration', args);
      // A volunteer may not void someone else's registration: the phone says so at once.
      // `force` queues it anyway (as an app build without the check would): the server must refuse it.
      if (!voided && action.force && reg.createdBy !== phone.user.id) {
        await forceQueue(phone, totals, 'voidRegistration', args);
      }
      return;
    }
    case 'sync':
      await sync(phoneOf(action.phone), totals, action.fault);
      return;
    case 'syncAll': {
      const online = phones.filter((p) => p.online);
      if (action.concurrent) {
        await Promise.all(online.map((p) => sync(p, totals, { kind: 'none' })));
      } else {
        for (const p of online) await sync(p, totals, { kind: 'none' });
      }
      return;
    }
    case 'network':
      phoneOf(action.phone).online = action.online;
      return;
    case 'replay': {
      const phone = phoneOf(action.phone);
      if (phone.pushes.length === 0) return;
      if (action.concurrent && phone.online) {
        totals.faults.staleReplayConcurrent += 1;
        await Promise.all([
          replay(phone, server, action.pick),
          sync(phone, totals, { kind: 'none' }),
        ]);
      } else {
        totals.faults.staleReplay += 1;
        await replay(phone, server, action.pick);
      }
      return;
    }
    case 'restart':
      totals.faults.restart += 1;
      await server.stop();
      await server.start();
      return;
  }
}

// ---------------------------------------------------------------- checks

interface AuditRow {
  mutationId: number;
  name: string;
  result: string;
  code: string | null;
}

async function auditOf(server: SimServer, clientId: string): Promise<AuditRow[]> {
  const rows = await server.store.db
    .selectFrom('audit')
    .select(['mutationId', 'name', 'result', 'code'])
    .where('clientId', '=', clientId)
    .orderBy('mutationId')
    .execute();
  return rows.map((r) => ({ ...r, mutationId: Number(r.mutationId) }));
}

async function serverLastMutationId(server: SimServer, clientId: string): Promise<number> {
  const row = await server.store.db
    .selectFrom('clients')
    .select('lastMutationId')
    .where('id', '=', clientId)
    .executeTakeFirstOrThrow();
  return Number(row.lastMutationId);
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/**
 * What must hold on a phone at any moment between actions: nothing it made is
 * lost or doubled; every change the server has acknowledged to it (up to its
 * last mutation id) is settled exactly once, its effect is visible on the phone
 * if applied and gone if rejected, and a rejection carries its reason.
 */
async function checkPhone(phone: Phone, server: SimServer, where: string) {
  const label = `${where}, ${phone.label}`;
  const acked = (await getMeta(phone.db, 'lastMutationId')) ?? 0;
  const made = phone.created.map((c) => c.id);
  expect(made, `${label}: mutation ids rise by one`).toEqual(range(made.length));
  expect(await phone.db.outbox.orderBy('id').primaryKeys(), `${label}: outbox`).toEqual(
    made.filter((id) => id > acked),
  );
  expect(await phone.db.sent.orderBy('id').primaryKeys(), `${label}: settled`).toEqual(
    made.filter((id) => id <= acked),
  );

  const audit = await auditOf(server, phone.clientId);
  const last = await serverLastMutationId(server, phone.clientId);
  expect(last, `${label}: server ahead of the phone's acknowledgement`).toBeGreaterThanOrEqual(
    acked,
  );
  expect(last, `${label}: server beyond what the phone made`).toBeLessThanOrEqual(made.length);
  expect(
    audit.map((a) => a.mutationId),
    `${label}: one audit row per settled mutation`,
  ).toEqual(range(last));

  const byId = new Map(audit.map((a) => [a.mutationId, a]));
  const rejections = new Map((await phone.db.rejections.toArray()).map((r) => [r.mutationId, r]));
  for (const c of phone.created) {
    const a = byId.get(c.id);
    if (a) expect(a.name, `${label}: audit of #${c.id}`).toBe(c.name);
    const shown = rejections.get(c.id);
    if (shown) {
      expect(a?.result, `${label}: #${c.id} shown as rejected`).toBe('rejected');
      expect(shown.code, `${label}: #${c.id} rejection code`).toBe(a?.code);
    }
    if (c.id > acked) continue;
    if (!a) throw new Error(`${label}: #${c.id} acknowledged without an audit row`);
    if (a.result === 'rejected') {
      expect(shown?.code, `${label}: #${c.id} rejected but the phone was not told`).toBe(a.code);
    }
    const written: Array<['residents' | 'registrations', string]> = [];
    if (c.name === 'registerResident')
      written.push(['registrations', (c.args as RegisterResidentArgs).id]);
    if (c.name === 'addResident') written.push(['residents', (c.args as AddResidentArgs).id]);
    if (c.name === 'registerNewResident') {
      const args = c.args as RegisterNewResidentArgs;
      written.push(['residents', args.resident.id], ['registrations', args.registration.id]);
    }
    for (const [table, id] of written) {
      const row = await phone.db.synced(table).get(id);
      if (a.result === 'applied') {
        expect(
          row,
          `${label}: applied #${c.id} ${c.name} ${id} missing on the phone`,
        ).toBeDefined();
      } else {
        expect(
          row,
          `${label}: rejected #${c.id} ${c.name} ${id} still on the phone`,
        ).toBeUndefined();
      }
    }
    if (c.name === 'voidRegistration' && a.result === 'applied') {
      const args = c.args as VoidRegistrationArgs;
      const row = await phone.db.synced('registrations').get(args.registrationId);
      expect(row?.status, `${label}: applied void #${c.id}`).toBe('voided');
    }
  }
}

function sortById<T extends { id: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

async function serverRows<T extends 'residents' | 'registrations'>(
  server: SimServer,
  table: T,
): Promise<RowOf<T>[]> {
  const rows = await server.store.db
    .selectFrom(table as 'residents')
    .selectAll()
    .where('siteId', 'in', TEAM_SITES)
    .execute();
  return sortById(rows.map((r) => toSharedRow(table, r as unknown as Record<string, unknown>)));
}

/** After everything settled: phones equal the server; every mutation settled once, as the rules say. */
async function checkEnd(phones: Phone[], server: SimServer, totals: Totals) {
  const residents = await serverRows(server, 'residents');
  const registrations = await serverRows(server, 'registrations');
  const residentIds = new Set(residents.map((r) => r.id));
  const registrationById = new Map(registrations.map((r) => [r.id, r]));

  const allRegs = await server.store.db.selectFrom('registrations').selectAll().execute();
  let appliedRegistrations = 0;
  const queueNumbers = new Set(allRegs.map((r) => `${r.siteId}/${r.campaignId}/${r.queueNumber}`));
  expect(queueNumbers.size, 'queue numbers unique per site and campaign').toBe(allRegs.length);

  for (const phone of phones) {
    const label = `end, ${phone.label}`;
    expect(await phone.db.outbox.count(), `${label}: outbox empty`).toBe(0);
    const made = phone.created.length;
    expect(await serverLastMutationId(server, phone.clientId), `${label}: server last id`).toBe(
      made,
    );
    expect((await getMeta(phone.db, 'lastMutationId')) ?? 0, `${label}: phone last id`).toBe(made);
    expect(((await getMeta(phone.db, 'nextMutationId')) ?? 1) - 1, `${label}: next id`).toBe(made);

    expect(
      sortById(await phone.db.synced('residents').where('siteId').anyOf(TEAM_SITES).toArray()),
      `${label}: residents equal the server's`,
    ).toEqual(residents);
    expect(
      sortById(await phone.db.synced('registrations').where('siteId').anyOf(TEAM_SITES).toArray()),
      `${label}: registrations equal the server's`,
    ).toEqual(registrations);

    const audit = await auditOf(server, phone.clientId);
    expect(
      audit.map((a) => a.mutationId),
      `${label}: one audit row each`,
    ).toEqual(range(made));
    const rejectedAudit = audit
      .filter((a) => a.result === 'rejected')
      .map((a) => ({ mutationId: a.mutationId, code: a.code }));
    const shown = (await phone.db.rejections.orderBy('mutationId').toArray()).map((r) => ({
      mutationId: r.mutationId,
      code: r.code,
    }));
    expect(shown, `${label}: rejections shown = rejections audited`).toEqual(rejectedAudit);
    const stored = await server.store.db
      .selectFrom('rejections')
      .select(['mutationId', 'code'])
      .where('clientId', '=', phone.clientId)
      .orderBy('mutationId')
      .execute();
    expect(
      stored.map((r) => ({ mutationId: Number(r.mutationId), code: r.code })),
      `${label}: rejections table = audit`,
    ).toEqual(rejectedAudit);

    for (const c of phone.created) {
      const a = audit[c.id - 1] as AuditRow;
      expect(a.result === 'applied' || a.result === 'rejected').toBe(true);
      if (a.result === 'applied') totals.applied += 1;
      else totals.rejected[a.code ?? '?'] = (totals.rejected[a.code ?? '?'] ?? 0) + 1;
      const what = `${label}: #${c.id} ${c.name} ${JSON.stringify(c.args)} -> ${a.result} ${a.code}`;
      if (c.name === 'registerResident') {
        const args = c.args as RegisterResidentArgs;
        const count = allRegs.filter((r) => r.id === args.id).length;
        expect(count, what).toBe(a.result === 'applied' ? 1 : 0);
        // The only reason to refuse these registrations: the person added with them was refused.
        expect(a.result, what).toBe(residentIds.has(args.residentId) ? 'applied' : 'rejected');
        if (a.result === 'rejected') expect(a.code, what).toBe('not_found');
        if (a.result === 'applied') {
          appliedRegistrations += 1;
          expect(registrationById.get(args.id), what).toMatchObject({
            residentId: args.residentId,
            queueNumber: `${args.lane}${args.seq}`,
            createdBy: phone.user.id,
          });
        }
      }
      if (c.name === 'addResident' || c.name === 'registerNewResident') {
        const args =
          c.name === 'addResident'
            ? (c.args as AddResidentArgs)
            : (c.args as RegisterNewResidentArgs).resident;
        const sameId = residents.filter((r) => r.idNumber === args.idNumber);
        expect(sameId, `${what}: one person per ID number`).toHaveLength(1);
        if (a.result === 'applied') {
          expect(sameId[0]?.id, what).toBe(args.id);
        } else {
          // The only reason to refuse them: another phone added the same person first.
          expect(a.code, what).toBe('resident_exists');
          expect(residentIds.has(args.id), what).toBe(false);
        }
      }
      if (c.name === 'registerNewResident') {
        const args = c.args as RegisterNewResidentArgs;
        const count = allRegs.filter((r) => r.id === args.registration.id).length;
        expect(count, `${what}: both or neither`).toBe(a.result === 'applied' ? 1 : 0);
        if (a.result === 'applied') {
          appliedRegistrations += 1;
          expect(registrationById.get(args.registration.id), what).toMatchObject({
            residentId: args.resident.id,
            queueNumber: `${args.registration.lane}${args.registration.seq}`,
            createdBy: phone.user.id,
          });
        }
      }
      if (c.name === 'voidRegistration') {
        const args = c.args as VoidRegistrationArgs;
        const target = registrationById.get(args.registrationId);
        if (a.result === 'applied') expect(target?.status, what).toBe('voided');
        else if (!target) expect(a.code, what).toBe('not_found');
        else {
          expect(c.forced, what).toBe(true);
          expect(a.code, what).toBe('forbidden_role');
        }
        if (c.forced && target && target.createdBy !== phone.user.id) {
          expect(a.result, `${what}: a volunteer voided another's registration`).toBe('rejected');
        }
      }
    }
  }
  expect(allRegs.length, 'every server registration comes from one applied mutation').toBe(
    appliedRegistrations,
  );
}

// ---------------------------------------------------------------- one run

async function runScenario(
  databases: Databases,
  engine: Engine,
  scenario: Scenario,
  totals: Totals,
) {
  const { url, drop } = await databases.fresh();
  const server = new SimServer(url, scenario.pageSize);
  // The phones' first (large) pull goes through a server with the default page size.
  const setup = new SimServer(url, undefined);
  await setup.start();
  await server.start();
  const phones: Phone[] = [];
  try {
    dbCounter += 1;
    for (const phoneNumber of TEAM_PHONES.slice(0, scenario.phones)) {
      const login = await signIn(setup, phoneNumber);
      const db = new HuijuDB(`prop-${engine}-${dbCounter}-${phoneNumber}`);
      const phone: Phone = {
        label: `${login.user.role} ${phoneNumber}`,
        user: login.user,
        token: login.token,
        db,
        clientId: '',
        online: true,
        created: [],
        pushes: [],
        fault: { kind: 'none' },
        requests: 0,
        faultFired: false,
        fetch: setup.fetch,
      };
      const first = await syncOnce({
        db,
        user: phone.user,
        token: phone.token,
        fetchImpl: setup.fetch,
      });
      expect(first.kind, `first sync of ${phoneNumber}`).toBe('done');
      phone.clientId = (await getMeta(db, 'clientId')) as string;
      phone.fetch = phoneFetch(phone, server, totals);
      phones.push(phone);
    }
    await setup.stop();
    totals.runs += 1;
    totals.phones += phones.length;

    for (const [i, action] of scenario.actions.entries()) {
      totals.actions += 1;
      await act(action, String(i), phones, server, totals);
      for (const phone of phones)
        await checkPhone(phone, server, `after action ${i} ${JSON.stringify(action)}`);
    }

    // Everyone online, no faults: sync until quiescent, twice over.
    for (const phone of phones) phone.online = true;
    for (let round = 0; round < 2; round++) {
      for (const phone of phones) {
        const result = await sync(phone, totals, { kind: 'none' });
        if (round === 1) expect(result).toEqual({ kind: 'done', pushed: 0, pending: 0 });
      }
    }
    for (const phone of phones) await checkPhone(phone, server, 'end');
    await checkEnd(phones, server, totals);
  } finally {
    await server.stop().catch(() => undefined);
    for (const phone of phones) {
      phone.db.close();
      await phone.db.delete();
    }
    await drop();
  }
}

// ---------------------------------------------------------------- the test

const engines: Array<[Engine, number]> = [
  'sqlite' as const,
  ...((await postgresAvailable()) ? (['postgres'] as const) : []),
].map((engine) => [engine, RUNS[engine]]);

describe.each(engines)(
  `sync property on %s: %i runs × ${MIN_PHONES}–${TEAM_PHONES.length} phones × ${MIN_ACTIONS}–${MAX_ACTIONS} actions (mutations; syncs, 2 in 3 given a fault: lost request, lost answer, duplicate; stale replays, restarts, offline)`,
  (engine) => {
    let databases: Databases;
    beforeAll(async () => {
      databases = engine === 'sqlite' ? await sqliteDatabases() : await postgresDatabases();
    });
    afterAll(async () => databases?.dispose());

    it('every change reaches the server exactly once or is rejected by name, and phones end equal to the server', async () => {
      const totals = newTotals();
      const seed = Number(process.env.HUIJU_PROP_SEED ?? randomInt(2 ** 31 - 1));
      const started = performance.now();
      console.log(`[sync-property ${engine}] seed ${seed}, ${RUNS[engine]} runs`);
      try {
        await fc.assert(
          fc.asyncProperty(scenarioArb, (scenario) =>
            runScenario(databases, engine, scenario, totals),
          ),
          {
            seed,
            numRuns: RUNS[engine],
            path: process.env.HUIJU_PROP_PATH,
            endOnFailure: process.env.HUIJU_PROP_SHRINK !== '1',
          },
        );
      } finally {
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        console.log(
          `[sync-property ${engine}] seed ${seed}: ${seconds} s, totals ${JSON.stringify(totals)}`,
        );
      }
    }, 600_000);
  },
);

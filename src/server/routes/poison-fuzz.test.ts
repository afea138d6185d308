import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../db/store.js';
import { postgresAvailable } from '../db/test-postgres.js';
import type { TestServer } from '../testing/test-server.js';
import { startTestServer } from '../testing/test-server.js';

const engines: Engine[] = [
  'sqlite',
  ...((await postgresAvailable()) ? (['postgres'] as const) : []),
];
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const RUNS = 12;
const VILLAGE = 'site-tongye-village';
/** What a rejection or audit row may keep of one mutation's arguments (a cap, not the body limit). */
const STORED_ARGS_LIMIT = 70 * 1024;

/** JSON text nested `depth` deep (JSON.stringify itself overflows the stack on it). */
function nestedJson(depth: number): string {
  return `${'{"a":'.repeat(depth)}"leaf"${'}'.repeat(depth)}`;
}

/** A valid `addResident` for the volunteer's own site. */
function resident(id: string, name: string) {
  return {
    id,
    siteId: VILLAGE,
    householdId: null,
    employerId: null,
    name,
    namePinyin: 'ceshi',
    nameInitials: 'cs',
    idType: 'none',
    idNumber: null,
    noIdReason: '没带证件',
    phone: null,
    at: '2022-01-06T10:00:00+08:00',
  };
}

type Poison = { name: string; args: unknown };

/** Stands for arguments nested 20,000 deep, built only when sent (fast-check cannot print them). */
const DEEP = 'nested 20,000 deep';

/** Inputs a database refuses or a server chokes on, each inside one mutation. */
const poison: fc.Arbitrary<Poison> = fc.oneof(
  fc
    .constantFrom('张\u0000三', '\uD800', 'a\uDC00b', '\u0000', 'x'.repeat(5000))
    .map((name) => ({ name: 'addResident', args: resident('poison', name) })),
  fc.constantFrom(
    { name: 'addResident', args: DEEP },
    { name: 'addResident', args: { ...resident('poison', '键'), ['k\u0000']: 1 } },
    { name: 'addResident', args: Array.from({ length: 40 }, () => 'y'.repeat(3000)) },
    { name: 'noSuchMutation', args: { pad: Array.from({ length: 60 }, () => 'z'.repeat(3000)) } },
    { name: 'noSuch\u0000Mutation', args: {} },
    { name: 'addResident\uD83D', args: {} },
  ),
);

describe.each(engines)('poison mutations never hold a push back, on %s', (engine) => {
  let server: TestServer;
  let token: string;
  let run = 0;
  // One phone (one client id, ids rising across runs): new client ids are rationed per device.
  const clientId = 'poison-phone';
  let lastId = 0;

  beforeAll(async () => {
    server = await startTestServer(engine);
    token = (await server.login('13800000003')).token;
  });
  afterAll(async () => {
    await server.close();
  });

  it(`applies every valid mutation around a poison one (seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        poison,
        async (before, after, bad) => {
          run += 1;
          const first = lastId + 1;
          const ids = Array.from({ length: before + after }, (_, i) => `pz-${run}-${i}`);
          const valid = ids.map((id) => ({ name: 'addResident', args: resident(id, '好人') }));
          const badArgs = bad.args;
          const poisonArgs =
            bad.name === 'addResident' && typeof badArgs === 'object' && badArgs !== null
              ? { ...badArgs, id: `pz-${run}-bad` }
              : badArgs;
          const list = [
            ...valid.slice(0, before),
            { name: bad.name, args: Array.isArray(badArgs) ? badArgs : poisonArgs },
            ...valid.slice(before),
          ].map((m, i) => ({ id: first + i, ...m }));
          lastId += list.length;
          const res = await server.app.inject({
            method: 'POST',
            url: '/api/sync/push',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            // The deep case is spliced in as text: the server parses it, the test cannot stringify it.
            payload: JSON.stringify({ clientId, mutations: list }).replace(
              JSON.stringify(DEEP),
              nestedJson(20_000),
            ),
          });
          expect(res.statusCode, res.body).toBe(200);
          expect(res.json()).toEqual({ lastMutationId: lastId });

          const stored = await server.store.db
            .selectFrom('residents')
            .select('id')
            .where('id', 'in', [...ids, `pz-${run}-bad`])
            .execute();
          expect(stored.map((r) => r.id).sort()).toEqual([...ids].sort());

          const rejections = await server.store.db
            .selectFrom('rejections')
            .select(['mutationId', 'code', 'args', 'name'])
            .where('clientId', '=', clientId)
            .where('mutationId', '>=', first)
            .execute();
          expect(rejections.map((r) => r.mutationId)).toEqual([first + before]);
          for (const r of rejections) {
            expect(r.args.length).toBeLessThanOrEqual(STORED_ARGS_LIMIT);
            expect(r.name).not.toContain('\u0000');
          }
          const audit = await server.store.db
            .selectFrom('audit')
            .select(['args'])
            .where('clientId', '=', clientId)
            .where('mutationId', '>=', first)
            .execute();
          expect(audit).toHaveLength(list.length);
          for (const a of audit) expect(a.args.length).toBeLessThanOrEqual(STORED_ARGS_LIMIT);

          // The phone's next pull works and sends the rejection back.
          const pull = await server.app.inject({
            method: 'POST',
            url: '/api/sync/pull',
            headers: { authorization: `Bearer ${token}` },
            payload: { clientId, cookie: null },
          });
          expect(pull.statusCode, pull.body.slice(0, 300)).toBe(200);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  HandoverBody,
  HandoverKeys,
  SealedBundle,
} from '../../shared/protocol/handover-bundle.js';
import { sealBundle } from '../../shared/protocol/handover-seal.js';
import type { LoginResponse } from '../../shared/protocol/login.js';
import type { Mutation } from '../../shared/protocol/push.js';
import type { PullResponse } from '../../shared/protocol/pull.js';
import type { Engine } from '../db/store.js';
import { postgresAvailable } from '../db/test-postgres.js';
import type { TestServer } from '../testing/test-server.js';
import { startTestServer } from '../testing/test-server.js';

const engines: Engine[] = [
  'sqlite',
  ...((await postgresAvailable()) ? (['postgres'] as const) : []),
];

describe.each(engines)('hand-over: a team mate carries a volunteer’s work (%s)', (engine) => {
  let server: TestServer;
  let volunteer: LoginResponse;
  let leader: LoginResponse;
  let otherTeam: LoginResponse;
  let coordinator: LoginResponse;
  let mutations: Mutation[];

  const call = (method: 'GET' | 'POST', url: string, token: string, payload?: object) =>
    server.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });
  const keysOf = async (token: string) =>
    (await call('GET', '/api/handover/keys', token)).json<HandoverKeys>();
  const carry = (token: string, sealed: SealedBundle) =>
    call('POST', '/api/handover/carry', token, { sealed });
  const registrations = async () =>
    (
      await server.store.db
        .selectFrom('registrations')
        .select('id')
        .where('id', 'like', 'reg-handover-%')
        .orderBy('id')
        .execute()
    ).map((r) => r.id);

  function body(over: Partial<HandoverBody> = {}): HandoverBody {
    return {
      format: 'huiju-handover-body',
      version: 1,
      bundleId: 'bundle-1',
      kind: 'work',
      teamId: 'team-1',
      giver: {
        userId: volunteer.user.id,
        name: volunteer.user.name,
        role: 'volunteer',
        clientId: 'phone-giver',
      },
      to: { userId: leader.user.id, name: leader.user.name },
      createdAt: '2022-01-06T12:00:00Z',
      mutations,
      ...over,
    };
  }

  beforeAll(async () => {
    server = await startTestServer(engine);
    volunteer = await server.login('13800000003');
    leader = await server.login('13800000002');
    otherTeam = await server.login('13800000008');
    coordinator = await server.login('13800000001');
    const pull = await call('POST', '/api/sync/pull', volunteer.token, {
      clientId: 'phone-giver',
      cookie: null,
    });
    const response = pull.json<PullResponse>();
    const lane = response.lanes['camp-tongye-1'] as string;
    const residents = response.patch.filter(
      (p) => p.table === 'residents' && p.row.siteId === 'site-tongye-village',
    );
    mutations = [1, 2, 3, 4].map((n) => ({
      id: n,
      name: 'registerResident',
      args: {
        id: `reg-handover-${n}`,
        campaignId: 'camp-tongye-1',
        siteId: 'site-tongye-village',
        residentId: residents[n]?.row.id,
        lane,
        seq: n,
        at: '2022-01-06T09:00:00Z',
      },
    }));
  });
  afterAll(async () => server.close());

  it('gives team mates one team key and each person their own signing key', async () => {
    const mine = await keysOf(volunteer.token);
    const leaders = await keysOf(leader.token);
    expect(mine.teamId).toBe('team-1');
    expect(leaders.teamKey).toBe(mine.teamKey);
    expect(leaders.userKey).not.toBe(mine.userKey);
    expect((await keysOf(volunteer.token)).userKey).toBe(mine.userKey);
    expect((await keysOf(otherTeam.token)).teamKey).not.toBe(mine.teamKey);
    const none = await call('GET', '/api/handover/keys', coordinator.token);
    expect(none.statusCode).toBe(403);
  });

  it('refuses another team’s carrier, a changed bundle and a forged giver, changing nothing', async () => {
    const sealed = await sealBundle(body(), await keysOf(volunteer.token));
    const wrongTeam = await carry(otherTeam.token, sealed);
    expect(wrongTeam.statusCode).toBe(403);
    expect(wrongTeam.json().error.code).toBe('bundle_wrong_team');
    expect(wrongTeam.json().error.message).toMatch(/another team/);

    const data = sealed.data;
    const changed = `${data.slice(0, 40)}${data[40] === 'A' ? 'B' : 'A'}${data.slice(41)}`;
    const tampered = await carry(leader.token, { ...sealed, data: changed });
    expect(tampered.statusCode).toBe(422);
    expect(tampered.json().error.code).toBe('bundle_tampered');

    // The leader holds the team key but not the volunteer's: a bundle in their name is refused.
    const leaderKeys = await keysOf(leader.token);
    const forged = await sealBundle(body({ bundleId: 'forged' }), leaderKeys);
    const refused = await carry(leader.token, forged);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toMatch(/not signed by/);

    // The volunteer's own signature cannot put changes on another person's sync client.
    await call('POST', '/api/sync/push', leader.token, { clientId: 'phone-leader', mutations: [] });
    const misuse = await sealBundle(
      body({ bundleId: 'misuse', giver: { ...body().giver, clientId: 'phone-leader' } }),
      await keysOf(volunteer.token),
    );
    const mismatch = await carry(leader.token, misuse);
    expect(mismatch.statusCode).toBe(403);
    expect(mismatch.json().error.code).toBe('client_mismatch');

    expect(await registrations()).toEqual([]);
    expect(await server.store.db.selectFrom('handovers').selectAll().execute()).toEqual([]);
  });

  it('applies carried work once, also when the giver’s phone and a second carrier push it later', async () => {
    const keys = await keysOf(volunteer.token);
    // Only the first three were handed over; the phone made a fourth later.
    const sealed = await sealBundle(body({ mutations: mutations.slice(0, 3) }), keys);
    const first = await carry(leader.token, sealed);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({
      bundleId: 'bundle-1',
      giverId: volunteer.user.id,
      lastMutationId: 3,
      received: 3,
      applied: 3,
    });
    const again = await carry(leader.token, sealed);
    expect(again.json()).toMatchObject({ lastMutationId: 3, applied: 0 });

    const own = await call('POST', '/api/sync/push', volunteer.token, {
      clientId: 'phone-giver',
      mutations,
    });
    expect(own.json()).toEqual({ lastMutationId: 4 });
    expect(await registrations()).toEqual([
      'reg-handover-1',
      'reg-handover-2',
      'reg-handover-3',
      'reg-handover-4',
    ]);

    // A team mate with a later copy: everything is there already.
    const late = await carry(
      (await server.login('13800000004')).token,
      await sealBundle(body({ bundleId: 'bundle-2' }), keys),
    );
    expect(late.json()).toMatchObject({ lastMutationId: 4, received: 4, applied: 0 });
    expect(await registrations()).toHaveLength(4);

    const audit = await server.store.db
      .selectFrom('audit')
      .selectAll()
      .where('clientId', '=', 'phone-giver')
      .orderBy('mutationId')
      .execute();
    expect(audit.map((a) => [a.mutationId, a.userId, a.deviceId])).toEqual([
      [1, volunteer.user.id, leader.deviceId],
      [2, volunteer.user.id, leader.deviceId],
      [3, volunteer.user.id, leader.deviceId],
      [4, volunteer.user.id, volunteer.deviceId],
    ]);
    const handovers = await server.store.db
      .selectFrom('handovers')
      .selectAll()
      .orderBy('version')
      .orderBy('at')
      .execute();
    expect(handovers.map((h) => [h.bundleId, h.giverId, h.carrierId, Number(h.applied)])).toEqual([
      ['bundle-1', volunteer.user.id, leader.user.id, 3],
      ['bundle-1', volunteer.user.id, leader.user.id, 0],
      ['bundle-2', volunteer.user.id, 'user-13800000004', 0],
    ]);

    // The coordinator's audit export names both people.
    const csv = await call('GET', '/api/export/audit?format=csv&lang=en', coordinator.token);
    expect(csv.statusCode).toBe(200);
    const line = csv.body.split('\n').find((l) => l.includes('handover.carry'));
    expect(line).toContain('hand-over carried');
    expect(line).toContain(leader.user.name);
    expect(line).toContain(volunteer.user.name);
  });
});

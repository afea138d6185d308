import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../shared/protocol/pull.js';
import type {
  NextRoundResponse,
  StructureResponse,
  UserView,
} from '../../shared/protocol/admin.js';
import type { Engine } from '../db/store.js';
import { postgresAvailable } from '../db/test-postgres.js';
import { coverageDb } from '../reports/admin-audit.js';
import type { TestServer } from '../testing/test-server.js';
import { startTestServer } from '../testing/test-server.js';

const engines: Engine[] = [
  'sqlite',
  ...((await postgresAvailable()) ? (['postgres'] as const) : []),
];

describe.each(engines)('administration on %s', (engine) => {
  let server: TestServer;
  let coordinator: string;
  let leader: string;
  let volunteer: string;

  beforeAll(async () => {
    server = await startTestServer(engine);
    coordinator = (await server.login('13800000001')).token;
    leader = (await server.login('13800000002')).token;
    volunteer = (await server.login('13800000003')).token;
  });
  afterAll(async () => server.close());

  const call = (method: 'GET' | 'POST', url: string, token: string, payload?: object) =>
    server.app.inject({ method, url, payload, headers: { authorization: `Bearer ${token}` } });
  const login = (phone: string, password: string) =>
    server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { phone, password, deviceName: 'admin-test' },
    });
  const pull = async (token: string, clientId: string) =>
    (await call('POST', '/api/sync/pull', token, { clientId, cookie: null })).json<PullResponse>();
  const actions = async () =>
    (await coverageDb(server.store.db).selectFrom('adminAudit').select('action').execute()).map(
      (a) => a.action,
    );

  it('refuses leaders and volunteers (403) on every admin call, changing nothing', async () => {
    const before = await server.store.db.selectFrom('users').select('id').execute();
    for (const token of [leader, volunteer]) {
      for (const [method, url] of [
        ['GET', '/api/admin/users'],
        ['GET', '/api/admin/structure'],
        ['POST', '/api/admin/users'],
        ['POST', '/api/admin/users/password'],
        ['POST', '/api/admin/devices/revoke'],
        ['POST', '/api/admin/campaigns/next-round'],
      ] as const) {
        const res = await call(method, url, token, method === 'POST' ? {} : undefined);
        expect(res.statusCode, url).toBe(403);
      }
    }
    expect(await server.store.db.selectFrom('users').select('id').execute()).toEqual(before);
  });

  it('creates an account that can sign in, and its team mates pull it', async () => {
    const res = await call('POST', '/api/admin/users', coordinator, {
      name: '新队员',
      phone: '139 0000 1111',
      role: 'volunteer',
      teamId: 'team-1',
      password: 'cold-morning-1',
    });
    expect(res.statusCode).toBe(200);
    const user = res.json<{ user: { id: string; phone: string } }>().user;
    expect(user.phone).toBe('13900001111');
    expect((await login('13900001111', 'cold-morning-1')).statusCode).toBe(200);
    const mate = await pull(volunteer, 'admin-mate');
    expect(mate.patch.some((p) => p.table === 'users' && p.row.id === user.id)).toBe(true);

    const again = await call('POST', '/api/admin/users', coordinator, {
      name: '重复',
      phone: '13900001111',
      role: 'volunteer',
      teamId: null,
      password: 'another-pass',
    });
    expect(again.statusCode).toBe(409);
    const short = await call('POST', '/api/admin/users', coordinator, {
      name: 'x',
      phone: '13900002222',
      role: 'volunteer',
      teamId: null,
      password: 'short',
    });
    expect(short.statusCode).toBe(400);
    expect(await actions()).toEqual(['user.create']);
  });

  it('resets a password and revokes devices: the old token gets 401', async () => {
    const target = await login('13800000004', 'demo-1234');
    const oldToken = target.json<{ token: string }>().token;
    const res = await call('POST', '/api/admin/users/password', coordinator, {
      userId: 'user-13800000004',
      password: 'new-secret-99',
      revokeDevices: true,
    });
    expect(res.json()).toEqual({ revoked: 1 });
    expect(
      (await call('POST', '/api/sync/pull', oldToken, { clientId: 'x', cookie: null })).statusCode,
    ).toBe(401);
    expect((await login('13800000004', 'demo-1234')).statusCode).toBe(401);
    expect((await login('13800000004', 'new-secret-99')).statusCode).toBe(200);
  });

  it('lists devices and revokes one', async () => {
    const phone = await login('13800000005', 'demo-1234');
    const token = phone.json<{ token: string; deviceId: string }>();
    const users = (await call('GET', '/api/admin/users', coordinator)).json<{ users: UserView[] }>()
      .users;
    const chen = users.find((u) => u.phone === '13800000005')!;
    expect(chen.devices.map((d) => d.id)).toContain(token.deviceId);
    expect(users[0]?.role).toBe('coordinator');
    const res = await call('POST', '/api/admin/devices/revoke', coordinator, {
      deviceId: token.deviceId,
    });
    expect(res.statusCode).toBe(200);
    expect(
      (await call('POST', '/api/sync/pull', token.token, { clientId: 'y', cookie: null }))
        .statusCode,
    ).toBe(401);
  });

  it('changes a role, and refuses to demote the last coordinator', async () => {
    const res = await call('POST', '/api/admin/users/update', coordinator, {
      userId: 'user-13800000006',
      role: 'leader',
    });
    expect(res.json().user.role).toBe('leader');
    const promoted = await login('13800000006', 'demo-1234');
    const token = promoted.json<{ token: string }>().token;
    const coverage = await call('GET', '/api/reports/coverage?campaignId=camp-tongye-1', token);
    expect(coverage.statusCode).toBe(200);
    const last = await call('POST', '/api/admin/users/update', coordinator, {
      userId: 'user-13800000001',
      role: 'volunteer',
    });
    expect(last.statusCode).toBe(409);
  });

  it('creates a team and a site and links them: the team pulls the site', async () => {
    const team = (
      await call('POST', '/api/admin/teams', coordinator, {
        campaignId: 'camp-tongye-1',
        name: '第三组',
      })
    ).json<{ team: { id: string } }>().team;
    const site = (
      await call('POST', '/api/admin/sites', coordinator, {
        campaignId: 'camp-tongye-1',
        name: '东营小区',
        kind: 'compound',
        address: '铜冶镇东营',
        poolSize: 10,
      })
    ).json<{ site: { id: string } }>().site;
    const linked = await call('POST', '/api/admin/teams/sites', coordinator, {
      teamId: team.id,
      siteIds: [site.id, 'site-xingfu'],
    });
    expect(linked.json()).toEqual({ added: [site.id, 'site-xingfu'], removed: [] });
    const unlinked = await call('POST', '/api/admin/teams/sites', coordinator, {
      teamId: team.id,
      siteIds: [site.id],
    });
    expect(unlinked.json()).toEqual({ added: [], removed: ['site-xingfu'] });
    const structure = (
      await call('GET', '/api/admin/structure', coordinator)
    ).json<StructureResponse>();
    expect(structure.teamSites.filter((t) => t.teamId === team.id).map((t) => t.siteId)).toEqual([
      site.id,
    ]);
    await call('POST', '/api/admin/users', coordinator, {
      name: '三组队员',
      phone: '13900003333',
      role: 'volunteer',
      teamId: team.id,
      password: 'third-team-1',
    });
    const member = (await login('13900003333', 'third-team-1')).json<{ token: string }>().token;
    const got = await pull(member, 'third-team-phone');
    expect(got.patch.filter((p) => p.table === 'sites').map((p) => p.row.id)).toEqual([site.id]);
    const bad = await call('POST', '/api/admin/teams/sites', coordinator, {
      teamId: team.id,
      siteIds: ['nowhere'],
    });
    expect(bad.statusCode).toBe(400);
  });

  it('starts a new round from the earlier one, in one version, and phones move to it', async () => {
    const before = await server.store.db
      .selectFrom('residents')
      .select('id')
      .where('siteId', '=', 'site-tongye-village')
      .execute();
    const res = await call('POST', '/api/admin/campaigns/next-round', coordinator, {
      fromCampaignId: 'camp-tongye-1',
      name: '铜冶镇第二轮全员核酸检测',
      day: '2022-01-08',
      closePrevious: true,
    });
    expect(res.statusCode).toBe(200);
    const round = res.json<NextRoundResponse>();
    expect(round.copied).toMatchObject({ campaigns: 2, sites: 5, teams: 3 });
    const structure = (
      await call('GET', '/api/admin/structure', coordinator)
    ).json<StructureResponse>();
    expect(structure.campaigns.map((c) => [c.id, c.status])).toEqual([
      [round.campaignId, 'active'],
      ['camp-tongye-1', 'closed'],
    ]);
    const newSites = structure.sites.filter((s) => s.campaignId === round.campaignId);
    const village = newSites.find((s) => s.name === '铜冶村')!;
    const copied = await server.store.db
      .selectFrom('residents')
      .select(['id', 'version'])
      .where('siteId', '=', village.id)
      .execute();
    expect(copied).toHaveLength(before.length);
    expect(new Set(copied.map((r) => Number(r.version)))).toEqual(new Set([round.version]));

    // A volunteer of team 1 now pulls the new round's sites only.
    const phone = await pull(volunteer, 'round-phone');
    const sites = phone.patch.filter((p) => p.table === 'sites').map((p) => p.row.campaignId);
    expect(new Set(sites)).toEqual(new Set([round.campaignId]));
    expect(Object.keys(phone.lanes)).toEqual([round.campaignId]);

    const twice = await call('POST', '/api/admin/campaigns/next-round', coordinator, {
      fromCampaignId: 'camp-tongye-1',
      name: '铜冶镇第二轮全员核酸检测',
      day: '2022-01-08',
    });
    expect(twice.statusCode).toBe(409);
    expect(await actions()).toContain('campaign.next_round');
  });
});

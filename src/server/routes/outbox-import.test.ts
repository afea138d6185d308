import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../shared/protocol/pull.js';
import type { UnsyncedExport } from '../../shared/protocol/unsynced-export.js';
import type { TestServer } from '../testing/test-server.js';
import { startTestServer } from '../testing/test-server.js';

describe('importing a phone’s exported unsynced changes', () => {
  let server: TestServer;
  let coordinator: string;
  let volunteer: string;
  let file: UnsyncedExport;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    coordinator = (await server.login('13800000001')).token;
    const login = await server.login('13800000003');
    volunteer = login.token;
    const pull = await server.app.inject({
      method: 'POST',
      url: '/api/sync/pull',
      headers: { authorization: `Bearer ${volunteer}` },
      payload: { clientId: 'phone-export', cookie: null },
    });
    const body = pull.json<PullResponse>();
    const lane = body.lanes['camp-tongye-1'] as string;
    const residents = body.patch.filter(
      (p) => p.table === 'residents' && p.row.siteId === 'site-tongye-village',
    );
    file = {
      format: 'huiju-unsynced',
      version: 1,
      clientId: 'phone-export',
      userId: login.user.id,
      userName: login.user.name,
      exportedAt: '2022-01-06T20:00:00Z',
      mutations: [1, 2, 3].map((n) => ({
        id: n,
        name: 'registerResident',
        args: {
          id: `reg-export-${n}`,
          campaignId: 'camp-tongye-1',
          siteId: 'site-tongye-village',
          residentId: residents[n]?.row.id,
          lane,
          seq: n,
          at: '2022-01-06T09:00:00Z',
        },
      })),
    };
  });
  afterAll(async () => server.close());

  const importFile = (token: string, payload: unknown) =>
    server.app.inject({
      method: 'POST',
      url: '/api/admin/import-outbox',
      headers: { authorization: `Bearer ${token}` },
      payload: payload as object,
    });

  it('refuses volunteers and malformed files, changing nothing', async () => {
    const forbidden = await importFile(volunteer, file);
    expect(forbidden.statusCode).toBe(403);
    const bad = await importFile(coordinator, { ...file, format: 'other' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('bad_request');
    const rows = await server.store.db
      .selectFrom('registrations')
      .select('id')
      .where('id', 'like', 'reg-export-%')
      .execute();
    expect(rows).toHaveLength(0);
  });

  it('applies the file exactly once, also when the phone pushes the same changes later', async () => {
    const first = await importFile(coordinator, file);
    expect(first.json()).toEqual({ lastMutationId: 3, received: 3 });
    const again = await importFile(coordinator, file);
    expect(again.json()).toEqual({ lastMutationId: 3, received: 3 });
    const phone = await server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { authorization: `Bearer ${volunteer}` },
      payload: { clientId: file.clientId, mutations: file.mutations },
    });
    expect(phone.json()).toEqual({ lastMutationId: 3 });
    const rows = await server.store.db
      .selectFrom('registrations')
      .select('id')
      .where('id', 'like', 'reg-export-%')
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.id)).toEqual(['reg-export-1', 'reg-export-2', 'reg-export-3']);
    const audit = await server.store.db
      .selectFrom('audit')
      .selectAll()
      .where('clientId', '=', file.clientId)
      .execute();
    expect(audit).toHaveLength(3);
    expect(new Set(audit.map((a) => a.userId))).toEqual(new Set(['user-13800000003']));
  });
});

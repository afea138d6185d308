import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../shared/protocol/pull.js';
import { postgresAvailable } from '../db/test-postgres.js';
import type { Engine } from '../db/store.js';
import type { TestServer } from '../testing/test-server.js';
import { startTestServer } from '../testing/test-server.js';

const engines: Engine[] = [
  'sqlite',
  ...((await postgresAvailable()) ? (['postgres'] as const) : []),
];

/** Issue 12 point 8: two races found from outside, both settled by the server. */
describe.each(engines)('sync races on %s', (engine) => {
  let server: TestServer;
  let volunteer: string;
  let leader: string;

  beforeAll(async () => {
    server = await startTestServer(engine, { pullPageSize: 300 });
    volunteer = (await server.login('13800000003')).token;
    leader = (await server.login('13800000002')).token;
  });
  afterAll(async () => server.close());

  const post = (url: string, payload: unknown, bearer: string) =>
    server.app.inject({
      method: 'POST',
      url,
      payload: payload as object,
      headers: { authorization: `Bearer ${bearer}` },
    });
  const pull = async (clientId: string, cookie: PullResponse['cookie'] | null, bearer: string) => {
    const res = await post('/api/sync/pull', { clientId, cookie }, bearer);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<PullResponse>();
  };

  it('answers every request when a new client makes first contact several times at once', async () => {
    for (let round = 0; round < 6; round++) {
      const clientId = `first-contact-${round}`;
      const calls = [
        post('/api/sync/pull', { clientId, cookie: null }, volunteer),
        post('/api/sync/pull', { clientId, cookie: null }, volunteer),
        post('/api/sync/push', { clientId, mutations: [] }, volunteer),
        post('/api/sync/pull', { clientId, cookie: null }, volunteer),
      ];
      const answers = await Promise.all(calls);
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200]);
      const lanes = answers
        .filter((_, i) => i !== 2)
        .map((a) => a.json<PullResponse>().lanes['camp-tongye-1']);
      // One client, one lane, whichever request created it.
      expect(new Set(lanes).size).toBe(1);
    }
  });

  it('never settles a mutation in a paged pull before its row has arrived', async () => {
    const clientId = 'paged-settle';
    const base = await pull(clientId, null, volunteer);
    let synced = base;
    while (synced.more) synced = await pull(clientId, synced.cookie, volunteer);
    const lane = base.lanes['camp-tongye-1'] as string;
    const resident = base.patch.find(
      (p) => p.table === 'residents' && p.row.siteId === 'site-tongye-village',
    )?.row.id;
    const pushed = await post(
      '/api/sync/push',
      {
        clientId,
        mutations: [
          {
            id: 1,
            name: 'registerResident',
            args: {
              id: 'reg-paged-1',
              campaignId: 'camp-tongye-1',
              siteId: 'site-tongye-village',
              residentId: resident,
              lane,
              seq: 1,
              at: '2022-01-06T08:00:00Z',
            },
          },
        ],
      },
      volunteer,
    );
    expect(pushed.json()).toEqual({ lastMutationId: 1 });

    // The phone starts over from scratch (a reset): the first page holds no registration yet.
    const first = await pull(clientId, null, volunteer);
    expect(first.more).toBe(true);
    expect(first.patch.some((p) => p.row.id === 'reg-paged-1')).toBe(false);
    // Meanwhile the leader voids that registration: the row moves above the pull's snapshot.
    const voided = await post(
      '/api/sync/push',
      {
        clientId: 'paged-settle-leader',
        mutations: [
          {
            id: 1,
            name: 'voidRegistration',
            args: { registrationId: 'reg-paged-1', reason: 'typo' },
          },
        ],
      },
      leader,
    );
    expect(voided.json()).toEqual({ lastMutationId: 1 });

    const seen = new Map<string, unknown>();
    let page = first;
    for (const op of page.patch) seen.set(String(op.row.id), op.row.status);
    while (page.more) {
      page = await pull(clientId, page.cookie, volunteer);
      for (const op of page.patch) seen.set(String(op.row.id), op.row.status);
      // The phone settles by the last page only: when it covers the mutation, the row is there.
      if (!page.more && page.lastMutationId >= 1) expect(seen.has('reg-paged-1')).toBe(true);
    }
    expect(page.lastMutationId).toBe(1);
    expect(seen.get('reg-paged-1')).toBe('voided');
  });
});

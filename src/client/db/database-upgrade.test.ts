import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { HuijuDB, storesV1 } from './database.js';

describe('upgrading the phone database keeps every stored row and pending change', () => {
  it('opens a version-1 database with the current schema without losing anything', async () => {
    const name = 'upgrade-from-v1';
    const old = new Dexie(name);
    old.version(1).stores(storesV1);
    await old.open();
    await old.table('residents').put({
      id: 'r-1',
      siteId: 's',
      name: '张三',
      nameInitials: 'zs',
      namePinyin: 'zhangsan',
      idLast4: '1234',
      phone: null,
      idNumber: null,
      householdId: null,
    });
    await old.table('registrations').put({
      id: 'reg-1',
      siteId: 's',
      residentId: 'r-1',
      campaignId: 'c',
      queueNumber: 'A1',
      lane: 'A',
      seq: 1,
    });
    await old.table('outbox').bulkPut([
      { id: 1, name: 'registerResident', args: { id: 'reg-1' }, createdAt: '2022-01-06T08:00:00Z' },
      {
        id: 2,
        name: 'voidRegistration',
        args: { registrationId: 'reg-1', reason: 'x' },
        createdAt: '2022-01-06T08:01:00Z',
      },
    ]);
    await old.table('meta').bulkPut([
      { key: 'clientId', value: 'client-old' },
      { key: 'nextMutationId', value: 3 },
    ]);
    await old
      .table('undo')
      .put({ key: 'registrations:reg-1', table: 'registrations', rowId: 'reg-1', prior: null });
    old.close();

    const current = new HuijuDB(name);
    await current.open();
    expect(current.verno).toBeGreaterThan(1);
    expect(await current.synced('residents').get('r-1')).toMatchObject({ name: '张三' });
    expect(
      await current.synced('residents').where('[siteId+nameInitials]').equals(['s', 'zs']).count(),
    ).toBe(1);
    expect((await current.outbox.orderBy('id').toArray()).map((m) => m.name)).toEqual([
      'registerResident',
      'voidRegistration',
    ]);
    expect((await current.meta.get('clientId'))?.value).toBe('client-old');
    expect(await current.undo.count()).toBe(1);
    // Tables that later versions add are there and empty.
    expect(await current.sent.count()).toBe(0);
    current.close();
  });
});

import { describe, expect, it } from 'vitest';
import { normalizeTubeCode, tubeIdFor } from '../domain/tube.js';
import { memoryTx } from './memory-tx.js';
import { openTube } from './open-tube.js';
import { setPoolSize } from './set-pool-size.js';
import { rejectionOf, stationState } from './station-test-fixtures.js';
import { leader, otherVolunteer, volunteer } from './test-fixtures.js';

const AT = '2022-01-06T08:00:00Z';
const args = (code: string, over: Partial<{ siteId: string; campaignId: string }> = {}) => ({
  campaignId: 'camp',
  siteId: 'site-a',
  code,
  at: AT,
  ...over,
});

describe('normalizeTubeCode', () => {
  it('accepts scanned and typed codes, normalised', () => {
    expect(normalizeTubeCode(' t0123 ')).toBe('T0123');
    expect(normalizeTubeCode('2022 0106 0001')).toBe('202201060001');
    expect(normalizeTubeCode('HB-000123')).toBe('HB-000123');
  });
  it('refuses what cannot be a tube code', () => {
    expect(normalizeTubeCode('T01')).toBeNull();
    expect(normalizeTubeCode('huiju:r:r-000001')).toBeNull();
    expect(normalizeTubeCode('T'.repeat(25))).toBeNull();
    expect(normalizeTubeCode('试管1234')).toBeNull();
  });
});

describe('openTube', () => {
  it('opens a tube with the site pool size as its capacity, under an id both phones compute', async () => {
    const state = stationState(0, 10);
    await openTube(memoryTx(state, volunteer), args('t0123'));
    const id = tubeIdFor('site-a', 'T0123');
    expect(state.tubes?.get(id)).toMatchObject({
      code: 'T0123',
      capacity: 10,
      status: 'open',
      openedBy: volunteer.userId,
    });
    // A second phone scanning the same tube joins it: no second row, the first capacity kept.
    await setPoolSize(memoryTx(state, leader), { siteId: 'site-a', poolSize: 5 });
    await openTube(memoryTx(state, otherVolunteer), args('T0123'));
    expect(state.tubes?.size).toBe(1);
    expect(state.tubes?.get(id)?.capacity).toBe(10);
    await openTube(memoryTx(state, otherVolunteer), args('T0124'));
    expect(state.tubes?.get(tubeIdFor('site-a', 'T0124'))?.capacity).toBe(5);
  });

  it('refuses bad codes, other sites and closed campaigns', async () => {
    const state = stationState(0, 10);
    const tx = memoryTx(state, volunteer);
    expect(await rejectionOf(openTube(tx, args('x1')))).toBe('tube_code_invalid');
    expect(await rejectionOf(openTube(tx, args('T0123', { siteId: 'site-b' })))).toBe(
      'forbidden_site',
    );
    expect(await rejectionOf(openTube(tx, args('T0123', { campaignId: 'old' })))).toBe(
      'campaign_closed',
    );
    expect(state.tubes?.size ?? 0).toBe(0);
  });
});

describe('setPoolSize', () => {
  it('is for leaders and coordinators, within their sites', async () => {
    const state = stationState(0, 10);
    expect(
      await rejectionOf(setPoolSize(memoryTx(state, volunteer), { siteId: 'site-a', poolSize: 5 })),
    ).toBe('forbidden_role');
    expect(
      await rejectionOf(setPoolSize(memoryTx(state, leader), { siteId: 'site-b', poolSize: 5 })),
    ).toBe('forbidden_site');
    await setPoolSize(memoryTx(state, leader), { siteId: 'site-a', poolSize: 20 });
    expect(state.sites?.get('site-a')?.poolSize).toBe(20);
  });
});

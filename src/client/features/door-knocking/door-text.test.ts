import { describe, expect, it } from 'vitest';
import { batchLabel, foldUnitNames, formatAgo } from './door-text.js';

describe('foldUnitNames', () => {
  it('folds runs of numbered units and keeps the rest', () => {
    expect(foldUnitNames(['1单元', '2单元'], '、')).toBe('1–2单元');
    expect(foldUnitNames(['1单元', '2单元', '4单元'], '、')).toBe('1–2单元、4单元');
    expect(foldUnitNames(['东', '西'], '、')).toBe('东、西');
    expect(foldUnitNames(['3单元'], '、')).toBe('3单元');
  });
});

describe('batchLabel', () => {
  it('says "building 3, units 1–2" in walking order', () => {
    const buildings = [
      { id: 'b5', siteId: 's', name: '5号楼', sortKey: 5 },
      { id: 'b3', siteId: 's', name: '3号楼', sortKey: 3 },
    ];
    const units = [1, 2, 3].map((n) => ({
      id: `u${n}`,
      siteId: 's',
      buildingId: 'b3',
      name: `${n}单元`,
      sortKey: n,
    }));
    const items = [
      { id: 'i1', batchId: 'x', siteId: 's', buildingId: 'b5', unitId: null },
      { id: 'i2', batchId: 'x', siteId: 's', buildingId: 'b3', unitId: 'u2' },
      { id: 'i3', batchId: 'x', siteId: 's', buildingId: 'b3', unitId: 'u1' },
    ];
    expect(batchLabel(items, buildings, units, { units: '、', buildings: '；' })).toBe(
      '3号楼 1–2单元；5号楼',
    );
  });
});

describe('formatAgo', () => {
  it('counts minutes and hours, never into the future', () => {
    const now = new Date('2022-01-06T10:00:00Z');
    expect(formatAgo('2022-01-06T09:48:00Z', 'en', now)).toBe('12 minutes ago');
    expect(formatAgo('2022-01-06T07:00:00Z', 'en', now)).toBe('3 hours ago');
    expect(formatAgo('2022-01-06T10:05:00Z', 'en', now)).toBe('now');
    expect(formatAgo(null, 'en', now)).toBe('');
  });
});

import type { MutationContext } from './tx.js';
import type { MemoryState } from './memory-tx.js';

export const volunteer: MutationContext = {
  userId: 'u-vol',
  role: 'volunteer',
  teamId: 'team-1',
  clientId: 'c-1',
  siteIds: ['site-a'],
  onServer: true,
};
export const otherVolunteer: MutationContext = { ...volunteer, userId: 'u-vol-2', clientId: 'c-2' };
export const leader: MutationContext = {
  ...volunteer,
  userId: 'u-lead',
  role: 'leader',
  clientId: 'c-3',
};

/** A campaign with two sites (only site-a in the volunteer's scope) and one resident. */
export function baseState(): MemoryState {
  return {
    campaigns: new Map([
      [
        'camp',
        {
          id: 'camp',
          name: '第一轮',
          town: '铜冶镇',
          day: '2022-01-06',
          status: 'active' as const,
        },
      ],
      [
        'old',
        { id: 'old', name: '旧', town: '铜冶镇', day: '2021-12-01', status: 'closed' as const },
      ],
    ]),
    sites: new Map([
      [
        'site-a',
        {
          id: 'site-a',
          campaignId: 'camp',
          name: 'A',
          kind: 'village' as const,
          address: '',
          poolSize: 10 as const,
        },
      ],
      [
        'site-b',
        {
          id: 'site-b',
          campaignId: 'camp',
          name: 'B',
          kind: 'village' as const,
          address: '',
          poolSize: 10 as const,
        },
      ],
    ]),
    residents: new Map([
      [
        'r-1',
        {
          id: 'r-1',
          siteId: 'site-a',
          householdId: null,
          employerId: null,
          name: '张三',
          namePinyin: 'zhangsan',
          nameInitials: 'zs',
          idType: 'mainland' as const,
          idNumber: '11010519491231002X',
          idLast4: '002X',
          noIdReason: null,
          phone: null,
          createdAt: '2022-01-06T00:00:00Z',
          createdBy: null,
        },
      ],
    ]),
  };
}

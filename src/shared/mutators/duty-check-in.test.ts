import { describe, expect, it } from 'vitest';
import { dutyCheckIn, dutyCheckInArgs } from './duty-check-in.js';
import type { DutyCheckInArgs } from './duty-check-in.js';
import { dutyCheckOut } from './duty-check-out.js';
import { memoryTx } from './memory-tx.js';
import { at, place, rejectionOf, shiftState } from './shift-fixtures.js';
import { leader, otherVolunteer, volunteer } from './test-fixtures.js';

const checkIn = (over: Partial<DutyCheckInArgs> = {}): DutyCheckInArgs => ({
  id: 'ci-1',
  slotId: 'slot-1',
  userId: 'u-vol',
  temperatureTenths: 365,
  at: at(7, 55),
  ...over,
});

describe('dutyCheckIn', () => {
  it('puts a person with a normal temperature on duty, at their post', async () => {
    const state = shiftState();
    await place(state, 'u-vol', 'order');
    await dutyCheckIn(memoryTx(state, volunteer), checkIn());
    expect(state.shiftCheckins?.get('ci-1')).toMatchObject({
      status: 'on_duty',
      postId: 'order',
      seq: 1,
      temperatureTenths: 365,
      recordedBy: 'u-vol',
    });
  });

  it('does not put anyone at 37.3 °C or above on duty; a re-check later can', async () => {
    const state = shiftState();
    await dutyCheckIn(memoryTx(state, volunteer), checkIn({ temperatureTenths: 375 }));
    expect(state.shiftCheckins?.get('ci-1')?.status).toBe('refused_fever');
    await dutyCheckIn(memoryTx(state, volunteer), checkIn({ id: 'ci-2', temperatureTenths: 373 }));
    expect(state.shiftCheckins?.get('ci-2')?.status).toBe('refused_fever');
    await dutyCheckIn(memoryTx(state, volunteer), checkIn({ id: 'ci-3', temperatureTenths: 372 }));
    expect(state.shiftCheckins?.get('ci-3')).toMatchObject({ status: 'on_duty', seq: 3 });
  });

  it('refuses readings outside 35.0–42.0 °C at the boundary of the arguments', () => {
    expect(dutyCheckInArgs.safeParse(checkIn({ temperatureTenths: 349 })).success).toBe(false);
    expect(dutyCheckInArgs.safeParse(checkIn({ temperatureTenths: 421 })).success).toBe(false);
    expect(dutyCheckInArgs.safeParse(checkIn({ temperatureTenths: 350 })).success).toBe(true);
    expect(dutyCheckInArgs.safeParse(checkIn({ temperatureTenths: 420 })).success).toBe(true);
  });

  it('refuses a second open check-in in the slot (a second phone)', async () => {
    const state = shiftState();
    await dutyCheckIn(memoryTx(state, volunteer), checkIn());
    expect(
      await rejectionOf(dutyCheckIn(memoryTx(state, volunteer), checkIn({ id: 'ci-2' }))),
    ).toEqual({ code: 'already_checked_in', params: { volunteer: '刘晓明', time: '08:00' } });
  });

  it('lets a leader check a team member in, but not another volunteer', async () => {
    const state = shiftState();
    expect((await rejectionOf(dutyCheckIn(memoryTx(state, otherVolunteer), checkIn()))).code).toBe(
      'forbidden_role',
    );
    await dutyCheckIn(memoryTx(state, leader), checkIn());
    expect(state.shiftCheckins?.get('ci-1')).toMatchObject({
      userId: 'u-vol',
      recordedBy: 'u-lead',
    });
  });
});

describe('dutyCheckOut', () => {
  it('closes an open check-in once', async () => {
    const state = shiftState();
    await dutyCheckIn(memoryTx(state, volunteer), checkIn());
    await dutyCheckOut(memoryTx(state, volunteer), { checkinId: 'ci-1', at: at(10, 2) });
    expect(state.shiftCheckins?.get('ci-1')).toMatchObject({
      status: 'checked_out',
      checkedOutAt: at(10, 2),
      checkedOutBy: 'u-vol',
    });
    expect(
      await rejectionOf(
        dutyCheckOut(memoryTx(state, volunteer), { checkinId: 'ci-1', at: at(10, 3) }),
      ),
    ).toEqual({ code: 'not_checked_in', params: { volunteer: '刘晓明' } });
  });

  it('leaves a check-out of someone else to leaders', async () => {
    const state = shiftState();
    await dutyCheckIn(memoryTx(state, volunteer), checkIn());
    expect(
      (
        await rejectionOf(
          dutyCheckOut(memoryTx(state, otherVolunteer), { checkinId: 'ci-1', at: at(9) }),
        )
      ).code,
    ).toBe('forbidden_role');
    await dutyCheckOut(memoryTx(state, leader), { checkinId: 'ci-1', at: at(9) });
    expect(state.shiftCheckins?.get('ci-1')?.checkedOutBy).toBe('u-lead');
  });

  it('does not check out a fever reading (it never went on duty)', async () => {
    const state = shiftState();
    await dutyCheckIn(memoryTx(state, volunteer), checkIn({ temperatureTenths: 381 }));
    expect(
      (
        await rejectionOf(
          dutyCheckOut(memoryTx(state, volunteer), { checkinId: 'ci-1', at: at(9) }),
        )
      ).code,
    ).toBe('not_checked_in');
  });
});

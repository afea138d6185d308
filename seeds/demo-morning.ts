import { doorStatuses } from '../src/shared/domain/door-visit.js';
import type { DoorStatus } from '../src/shared/domain/door-visit.js';
import { tubeIdFor } from '../src/shared/domain/tube.js';
import type { MutatorArgs, MutatorName } from '../src/shared/mutators/registry.js';
import { DEMO_CAMPAIGN_ID, type DemoData } from './demo-campaign.js';
import { Random } from './random.js';

/**
 * The demo day's morning (07:00–11:30 in China), as the phones of the demo
 * accounts would have sent it: shifts set up and checked in, walks assigned,
 * doors knocked with every status, batches called, about a third of the
 * residents registered household by household, their samples in pooled tubes
 * (full tubes close themselves, one is sealed early, the last stay open),
 * tasks raised, claimed and closed, and one conflict: a volunteer whose phone
 * claimed a one-helper task after a team mate already had — the server
 * refuses it (`task_full`) and it waits in that volunteer's "needs attention".
 *
 * This file only plans: a list of changes in the order the phones push them.
 * `src/server/demo/play-morning.ts` sends them through the real push, so the
 * rows, versions, audit and the rejection are exactly what phones produce.
 * Deterministic: the same demo, lanes, day and seed give the same plan.
 */

export const DEMO_MORNING_SEED = 'huiju-demo-morning-v1';
/** The volunteer whose phone holds the refused claim (刘晓明, team 1). */
export const CONFLICT_PHONE = '13800000003';

export interface PlannedChange<N extends MutatorName = MutatorName> {
  /** The demo account (phone number) whose phone makes the change. */
  actor: string;
  /** Milliseconds since the epoch: when the phone made it (also its `at`). */
  atMs: number;
  name: N;
  args: MutatorArgs<N>;
}

export interface MorningPlan {
  changes: PlannedChange[];
  /** What the plan expects the server to refuse, by actor: only the conflict. */
  expectedRejections: { actor: string; name: MutatorName; code: string }[];
}

/** Who works where this morning, and at what. */
interface SiteCrew {
  siteId: string;
  code: string;
  /** Sets up the site's shifts and walks, calls batches: the leader, or the coordinator for team 2. */
  lead: string;
  registrars: string[];
  doorKnockers: string[];
  order: string[];
}

const CREWS: SiteCrew[] = [
  {
    siteId: 'site-tongye-village',
    code: 'TYC',
    lead: '13800000002',
    registrars: ['13800000003', '13800000004'],
    doorKnockers: ['13800000006'],
    order: ['13800000007'],
  },
  {
    siteId: 'site-river-works',
    code: 'HTH',
    lead: '13800000002',
    registrars: ['13800000005'],
    doorKnockers: [],
    order: [],
  },
  {
    siteId: 'site-nanguyi',
    code: 'NGY',
    lead: '13800000001',
    registrars: ['13800000008'],
    doorKnockers: ['13800000012'],
    order: [],
  },
  {
    siteId: 'site-xingfu',
    code: 'XF',
    lead: '13800000001',
    registrars: ['13800000010'],
    doorKnockers: ['13800000011'],
    order: ['13800000009'],
  },
];

const REFUSAL_REASONS = ['说已经在单位做过了', '家里老人行动不便，不愿下楼', '要求明天再做'];
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const userId = (phone: string) => `user-${phone}`;

class MorningPlanner {
  readonly changes: PlannedChange[] = [];
  private readonly rng: Random;
  /** 00:00 of the campaign day in China (UTC+8), in ms. */
  private readonly midnight: number;
  private serial = 0;

  constructor(
    private readonly demo: DemoData,
    private readonly lanes: Record<string, string>,
    day: string,
    seed: string,
  ) {
    this.rng = new Random(seed);
    this.midnight = Date.parse(`${day}T00:00:00+08:00`);
  }

  /** A clock time of the day, `h:mm` plus seconds, in ms. */
  private time(hour: number, minute: number, second = 0): number {
    return this.midnight + ((hour * 60 + minute) * 60 + second) * 1000;
  }

  private iso(ms: number): string {
    return new Date(ms).toISOString();
  }

  private id(prefix: string): string {
    this.serial += 1;
    return `dm-${prefix}-${pad(this.serial, 5)}`;
  }

  private add<N extends MutatorName>(actor: string, atMs: number, name: N, args: MutatorArgs<N>) {
    this.changes.push({ actor, atMs, name, args } as PlannedChange);
  }

  /** Posts, a morning and an afternoon slot, everyone placed, checked in; one sent to eat. */
  shifts(crew: SiteCrew) {
    const setUp = this.time(6, 40);
    const posts: {
      kind: 'registration' | 'order' | 'door_knocking';
      name: string;
      people: string[];
    }[] = [
      { kind: 'registration', name: '登记', people: crew.registrars },
      { kind: 'order', name: '维持秩序', people: crew.order },
      { kind: 'door_knocking', name: '入户通知', people: crew.doorKnockers },
    ];
    const slotId = this.id('slot');
    this.add(crew.lead, setUp, 'addShiftSlot', {
      id: slotId,
      siteId: crew.siteId,
      startMinute: 7 * 60,
      endMinute: 12 * 60,
      at: this.iso(setUp),
    });
    this.add(crew.lead, setUp + 30_000, 'addShiftSlot', {
      id: this.id('slot'),
      siteId: crew.siteId,
      startMinute: 12 * 60,
      endMinute: 17 * 60,
      at: this.iso(setUp + 30_000),
    });
    const placed: { assignmentId: string; postId: string; person: string }[] = [];
    for (const post of posts) {
      if (post.people.length === 0) continue;
      const postId = this.id('post');
      this.add(crew.lead, setUp + 60_000, 'addShiftPost', {
        id: postId,
        siteId: crew.siteId,
        kind: post.kind,
        name: post.name,
        needed: Math.max(2, post.people.length),
        place: post.kind === 'registration' ? 'indoor' : 'outdoor',
        at: this.iso(setUp + 60_000),
      });
      for (const person of post.people) {
        const assignmentId = this.id('asg');
        this.add(crew.lead, setUp + 120_000, 'assignToPost', {
          id: assignmentId,
          eventId: this.id('ev'),
          siteId: crew.siteId,
          slotId,
          postId,
          userId: userId(person),
          at: this.iso(setUp + 120_000),
        });
        placed.push({ assignmentId, postId, person });
      }
    }
    for (const p of placed) {
      const at = this.time(6, 50, this.rng.int(0, 500));
      this.add(p.person, at, 'dutyCheckIn', {
        id: this.id('chk'),
        slotId,
        userId: userId(p.person),
        temperatureTenths: this.rng.int(361, 368),
        at: this.iso(at),
      });
    }
    // The order keeper has stood in the cold since seven: warm up and eat first.
    const first = placed.find((p) => crew.order.includes(p.person));
    if (first) {
      const at = this.time(11, 5);
      this.add(crew.lead, at, 'sendToBreak', {
        eventId: this.id('brk'),
        siteId: crew.siteId,
        slotId,
        kind: 'meal',
        people: [{ assignmentId: first.assignmentId, postId: first.postId, cover: null }],
        at: this.iso(at),
      });
    }
  }

  /**
   * Door-knocking in the first buildings of a village or compound: walks assigned,
   * every door of them knocked once, the first doors with each status in turn so
   * the demo shows them all; two batches called, the first ended.
   */
  doors(crew: SiteCrew, registeredHouseholds: Set<string>) {
    if (crew.doorKnockers.length === 0) return;
    const buildings = this.demo.buildings
      .filter((b) => b.siteId === crew.siteId)
      .sort((a, b) => a.sortKey - b.sortKey);
    const walked = buildings.slice(0, Math.ceil(buildings.length / 3));
    walked.forEach((building, i) => {
      const at = this.time(7, 0, i * 20);
      this.add(crew.lead, at, 'assignWalk', {
        id: this.id('walk'),
        buildingId: building.id,
        unitId: null,
        assigneeId: userId(crew.doorKnockers[i % crew.doorKnockers.length] as string),
        at: this.iso(at),
      });
    });
    const batchIds = [this.id('batch'), this.id('batch')];
    const halves = [
      walked.slice(0, Math.ceil(walked.length / 2)),
      walked.slice(Math.ceil(walked.length / 2)),
    ];
    halves.forEach((part, i) => {
      if (part.length === 0) return;
      const at = this.time(7 + i * 2, 30);
      this.add(crew.lead, at, 'callBatch', {
        id: batchIds[i] as string,
        siteId: crew.siteId,
        items: part.map((b) => ({ buildingId: b.id, unitId: null })),
        at: this.iso(at),
      });
    });
    if (halves[1]!.length > 0) {
      const at = this.time(9, 25);
      this.add(crew.lead, at, 'endBatch', { batchId: batchIds[0] as string, at: this.iso(at) });
    }
    const walkedIds = new Set(walked.map((b) => b.id));
    const doors = this.demo.households.filter((h) => walkedIds.has(h.buildingId));
    let minute = 0;
    doors.forEach((household, i) => {
      const knocker = crew.doorKnockers[i % crew.doorKnockers.length] as string;
      const status: DoorStatus =
        i < doorStatuses.length
          ? (doorStatuses[i] as DoorStatus)
          : registeredHouseholds.has(household.id)
            ? 'done'
            : this.rng.weighted<DoorStatus>([
                ['notified', 50],
                ['nobody_home', 20],
                ['needs_home_sampling', 4],
                ['moved_away', 5],
                ['not_living_here', 3],
                ['refused', 5],
                ['done', 13],
              ]);
      minute += this.rng.int(1, 3);
      const at = this.time(7, 10 + Math.min(minute, 250));
      this.add(knocker, at, 'recordDoorVisit', {
        id: this.id('visit'),
        householdId: household.id,
        status,
        reason: status === 'refused' ? this.rng.pick(REFUSAL_REASONS) : null,
        note: null,
        at: this.iso(at),
        task:
          status === 'needs_home_sampling'
            ? {
                id: this.id('task'),
                helpersNeeded: 2,
                urgency: 'soon',
                note: '卧床老人，需上门采样',
              }
            : null,
      });
      if (status === 'nobody_home' && i === doorStatuses.indexOf('nobody_home')) {
        const later = at + 20 * 60_000;
        this.add(crew.lead, later, 'requestRevisit', {
          id: this.id('revisit'),
          householdId: household.id,
          note: '中午再敲一次',
          at: this.iso(later),
        });
      }
    });
  }

  /** Who comes down this morning: about a third of the households, whole (staff: a third of them). */
  chooseRegistered(siteId: string): { residentIds: string[]; households: Set<string> } {
    const residents = this.demo.residents.filter((r) => r.siteId === siteId);
    const households = new Set<string>();
    const residentIds: string[] = [];
    const byHousehold = new Map<string, string[]>();
    for (const r of residents) {
      if (r.householdId === null) {
        if (this.rng.chance(0.36)) residentIds.push(r.id);
        continue;
      }
      const list = byHousehold.get(r.householdId) ?? [];
      list.push(r.id);
      byHousehold.set(r.householdId, list);
    }
    for (const [householdId, ids] of byHousehold) {
      if (!this.rng.chance(0.34)) continue;
      households.add(householdId);
      residentIds.push(...ids);
    }
    return { residentIds, households };
  }

  /** Registrations from 07:00 to 11:30, each sample put in the registrar's open tube. */
  station(crew: SiteCrew, residentIds: string[]) {
    const site = this.demo.sites.find((s) => s.id === crew.siteId);
    if (!site) throw new Error(`no site ${crew.siteId}`);
    const span = this.time(11, 30) - this.time(7, 0);
    const desks = crew.registrars.map((person, i) => ({
      person,
      lane: this.lanes[person],
      seq: 0,
      tube: null as string | null,
      inTube: 0,
      tubes: 0,
      prefix: `${crew.code}${i + 1}`,
      last: 0,
    }));
    residentIds.forEach((residentId, i) => {
      const desk = desks[i % desks.length]!;
      if (!desk.lane) throw new Error(`no lane for ${desk.person}`);
      // Morning rush: more people early, fewer towards noon; a desk takes one at a time.
      const share = i / Math.max(1, residentIds.length);
      const planned = this.time(7, 0) + Math.floor(span * (0.3 * share + 0.7 * share ** 1.6));
      const at = Math.max(planned + this.rng.int(0, 40) * 1000, desk.last + 45_000);
      desk.last = at;
      if (desk.tube === null) {
        desk.tubes += 1;
        const code = `${desk.prefix}-${pad(desk.tubes, 4)}`;
        this.add(desk.person, at, 'openTube', {
          campaignId: DEMO_CAMPAIGN_ID,
          siteId: crew.siteId,
          code,
          at: this.iso(at),
        });
        desk.tube = tubeIdFor(crew.siteId, code);
        desk.inTube = 0;
      }
      desk.seq += 1;
      const registrationId = this.id('reg');
      this.add(desk.person, at, 'registerResident', {
        id: registrationId,
        campaignId: DEMO_CAMPAIGN_ID,
        siteId: crew.siteId,
        residentId,
        lane: desk.lane,
        seq: desk.seq,
        at: this.iso(at),
      });
      this.add(desk.person, at + 20_000, 'bindSample', {
        id: this.id('bind'),
        tubeId: desk.tube,
        registrationId,
        at: this.iso(at + 20_000),
      });
      desk.inTube += 1;
      // The binding that fills a tube closes it (bindSample): the next person opens a new one.
      if (desk.inTube >= site.poolSize) desk.tube = null;
    });
    // At the village the first desk seals its half-full tube before the lunch change-over.
    const first = desks[0];
    if (crew.code === 'TYC' && first?.tube && first.inTube > 0) {
      const at = this.time(11, 35);
      this.add(first.person, at, 'closeTube', { tubeId: first.tube });
    }
  }

  /** Tasks at team 1's village: open, claimed, full, done — and the refused claim. */
  tasks() {
    const siteId = 'site-tongye-village';
    const wheelchair = this.id('task');
    const escort = this.id('task');
    const supplies = this.id('task');
    const stairs = this.id('task');
    const households = this.demo.households.filter((h) => h.siteId === siteId);
    const door = (n: number) => households[n]?.id ?? null;
    this.add('13800000006', this.time(8, 55), 'raiseTask', {
      id: wheelchair,
      siteId,
      kind: 'wheelchair',
      householdId: door(30),
      helpersNeeded: 1,
      urgency: 'now',
      note: '轮椅下楼，一人即可',
      at: this.iso(this.time(8, 55)),
    });
    this.add('13800000007', this.time(9, 12), 'claimTask', {
      id: this.id('claim'),
      taskId: wheelchair,
      at: this.iso(this.time(9, 12)),
    });
    // 刘晓明's phone was in a stairwell with no signal: it claimed the task too,
    // and pushed after the server had given the only place away.
    this.add(CONFLICT_PHONE, this.time(9, 44), 'claimTask', {
      id: this.id('claim'),
      taskId: wheelchair,
      at: this.iso(this.time(9, 44)),
    });
    this.add('13800000002', this.time(9, 20), 'raiseTask', {
      id: escort,
      siteId,
      kind: 'escort',
      householdId: door(55),
      helpersNeeded: 2,
      urgency: 'soon',
      note: '独居老人，陪同到采样点',
      at: this.iso(this.time(9, 20)),
    });
    this.add('13800000006', this.time(9, 31), 'claimTask', {
      id: this.id('claim'),
      taskId: escort,
      at: this.iso(this.time(9, 31)),
    });
    this.add('13800000002', this.time(8, 5), 'raiseTask', {
      id: supplies,
      siteId,
      kind: 'supplies',
      householdId: null,
      helpersNeeded: 1,
      urgency: 'now',
      note: '采样点缺防护服和手消',
      at: this.iso(this.time(8, 5)),
    });
    this.add('13800000007', this.time(8, 10), 'claimTask', {
      id: this.id('claim'),
      taskId: supplies,
      at: this.iso(this.time(8, 10)),
    });
    this.add('13800000007', this.time(8, 48), 'closeTask', {
      taskId: supplies,
      outcome: 'done',
      note: '已送到',
      at: this.iso(this.time(8, 48)),
    });
    this.add('13800000002', this.time(10, 40), 'raiseTask', {
      id: stairs,
      siteId,
      kind: 'other',
      householdId: null,
      helpersNeeded: 3,
      urgency: 'today',
      note: '下午排队区搭棚子',
      at: this.iso(this.time(10, 40)),
    });
  }
}

/**
 * The morning's changes, in the order the phones push them: by the phone's
 * clock, ties in plan order. `lanes` are the queue-number lanes the server's
 * pull gave each demo phone (by phone number).
 */
export function planMorning(
  demo: DemoData,
  lanes: Record<string, string>,
  seed: string = DEMO_MORNING_SEED,
): MorningPlan {
  const day = demo.campaigns[0]?.day;
  if (!day) throw new Error('demo has no campaign');
  const planner = new MorningPlanner(demo, lanes, day, seed);
  for (const crew of CREWS) planner.shifts(crew);
  for (const crew of CREWS) {
    const { residentIds, households } = planner.chooseRegistered(crew.siteId);
    planner.doors(crew, households);
    planner.station(crew, residentIds);
  }
  planner.tasks();
  const order = planner.changes.map((change, i) => ({ change, i }));
  order.sort((a, b) => a.change.atMs - b.change.atMs || a.i - b.i);
  return {
    changes: order.map((o) => o.change),
    expectedRejections: [{ actor: CONFLICT_PHONE, name: 'claimTask', code: 'task_full' }],
  };
}

/** The phones that take part, in the order they first contact the server (which fixes their lanes). */
export function morningActors(): string[] {
  const phones = new Set<string>();
  for (const crew of CREWS) {
    for (const p of [crew.lead, ...crew.registrars, ...crew.doorKnockers, ...crew.order]) {
      phones.add(p);
    }
  }
  return [...phones].sort();
}

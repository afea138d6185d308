import { Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LedgerNode, ResidentCoverage } from '../../../shared/domain/coverage-ledger.js';
import { consoleLedger, consoleTasks, consoleTubes } from '../../db/console-queries.js';
import type { TaskRow, TubeRow } from '../../db/console-queries.js';
import { useLiveQuery } from '../../db/live-query.js';
import { useServices } from '../../sync/services.js';

/** Case-insensitive "contains any of these texts" for the console's search box. */
function matches(query: string, ...texts: (string | null | undefined)[]): boolean {
  const q = query.trim().toLowerCase();
  return q === '' || texts.some((s) => s?.toLowerCase().includes(q));
}

const byNumber =
  <T,>(get: (row: T) => number) =>
  (a: T, b: T) =>
    get(a) - get(b);
const byText =
  <T,>(get: (row: T) => string) =>
  (a: T, b: T) =>
    get(a).localeCompare(get(b), 'zh-CN');

function TableFrame<T extends object>({
  rows,
  columns,
  rowKey,
  testId,
}: {
  rows: T[] | undefined;
  columns: TableColumnsType<T>;
  rowKey: (row: T) => string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Table<T>
      data-testid={testId}
      size="middle"
      loading={rows === undefined}
      dataSource={rows ?? []}
      columns={columns}
      rowKey={rowKey}
      scroll={{ x: 'max-content' }}
      pagination={{
        defaultPageSize: 50,
        showSizeChanger: true,
        showTotal: (count) => t('console.total', { count }),
      }}
    />
  );
}

interface HouseholdRow {
  id: string;
  building: string;
  unit: string;
  address: string;
  counts: LedgerNode['counts'];
  door: LedgerNode['door'];
}

function householdRows(ledger: LedgerNode): HouseholdRow[] {
  const out: HouseholdRow[] = [];
  for (const b of ledger.children) {
    if (b.kind !== 'building') continue;
    for (const u of b.children) {
      for (const h of u.children) {
        out.push({
          id: h.id,
          building: b.name,
          unit: u.name,
          address: h.name,
          counts: h.counts,
          door: h.door,
        });
      }
    }
  }
  return out;
}

/** The coverage ledger of one site: one row per household, sortable and filterable. */
export function LedgerTable({ siteId, query }: { siteId: string; query: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ledger = useLiveQuery(() => consoleLedger(db, siteId), [db, siteId]);
  const rows = ledger
    ? householdRows(ledger).filter((r) => matches(query, r.address, r.building))
    : undefined;
  const doors = [
    'unvisited',
    'notified',
    'nobody_home',
    'needs_home_sampling',
    'moved_away',
    'not_living_here',
    'refused',
    'done',
  ];
  const columns: TableColumnsType<HouseholdRow> = [
    {
      title: t('console.columns.place'),
      key: 'building',
      render: (_, r) => `${r.building} ${r.unit}`,
      sorter: byText((r) => r.building),
    },
    {
      title: t('console.columns.address'),
      dataIndex: 'address',
      key: 'address',
      sorter: byText((r) => r.address),
    },
    {
      title: t('console.columns.roster'),
      key: 'roster',
      align: 'right',
      render: (_, r) => r.counts.roster,
      sorter: byNumber((r) => r.counts.roster),
    },
    {
      title: t('console.columns.registered'),
      key: 'registered',
      align: 'right',
      render: (_, r) => r.counts.registered,
      sorter: byNumber((r) => r.counts.registered),
    },
    {
      title: t('console.columns.sampled'),
      key: 'sampled',
      align: 'right',
      render: (_, r) => r.counts.sampled,
      sorter: byNumber((r) => r.counts.sampled),
    },
    {
      title: t('console.columns.exempt'),
      key: 'exempt',
      align: 'right',
      render: (_, r) => r.counts.exempt,
      sorter: byNumber((r) => r.counts.exempt),
    },
    {
      title: t('console.columns.notSeen'),
      key: 'notSeen',
      align: 'right',
      render: (_, r) => r.counts.notSeen,
      sorter: byNumber((r) => r.counts.notSeen),
      defaultSortOrder: 'descend',
    },
    {
      title: t('console.columns.door'),
      key: 'door',
      render: (_, r) => (r.door ? t(`coverage.door.${r.door}`) : t('board.states.pending')),
      filters: doors.map((d) => ({
        text: d === 'unvisited' ? t('board.states.pending') : t(`coverage.door.${d}`),
        value: d,
      })),
      onFilter: (value, r) => (r.door ?? 'unvisited') === value,
    },
  ];
  return <TableFrame rows={rows} columns={columns} rowKey={(r) => r.id} testId="console-ledger" />;
}

interface PersonRow {
  person: ResidentCoverage;
  place: string;
}

function notSeenPeople(ledger: LedgerNode): PersonRow[] {
  const out: PersonRow[] = [];
  const walk = (n: LedgerNode, place: string) => {
    for (const p of n.residents)
      if (p.status === 'not_seen') out.push({ person: p, place: n.name || place });
    for (const c of n.children) walk(c, c.name);
  };
  walk(ledger, '');
  // Someone housed and employed is listed once (at home), as the ledger counts them.
  const seen = new Set<string>();
  return out.filter((r) =>
    seen.has(r.person.resident.id) ? false : (seen.add(r.person.resident.id), true),
  );
}

/** "Not one left out": every person of the site not yet seen, ID numbers masked. */
export function MissingTable({ siteId, query }: { siteId: string; query: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ledger = useLiveQuery(() => consoleLedger(db, siteId), [db, siteId]);
  const rows = ledger
    ? notSeenPeople(ledger).filter((r) =>
        matches(
          query,
          r.person.resident.name,
          r.place,
          r.person.resident.phone,
          r.person.resident.idLast4,
          r.person.resident.nameInitials,
        ),
      )
    : undefined;
  const columns: TableColumnsType<PersonRow> = [
    {
      title: t('console.columns.name'),
      key: 'name',
      render: (_, r) => r.person.resident.name,
      sorter: byText((r) => r.person.resident.namePinyin),
    },
    {
      title: t('console.columns.id'),
      key: 'id',
      render: (_, r) =>
        r.person.resident.idNumber ? `****${r.person.resident.idLast4}` : t('coverage.noDocument'),
    },
    {
      title: t('console.columns.phone'),
      key: 'phone',
      render: (_, r) => r.person.resident.phone ?? '',
    },
    {
      title: t('console.columns.address'),
      key: 'place',
      render: (_, r) => r.place,
      sorter: byText((r) => r.place),
      defaultSortOrder: 'ascend',
    },
    {
      title: t('console.columns.door'),
      key: 'door',
      render: (_, r) =>
        r.person.door ? t(`coverage.door.${r.person.door}`) : t('board.states.pending'),
    },
  ];
  return (
    <TableFrame
      rows={rows}
      columns={columns}
      rowKey={(r) => r.person.resident.id}
      testId="console-missing"
    />
  );
}

/** Every tube of the day: code, site, samples against capacity, open or closed. */
export function TubesTable({ query }: { query: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const all = useLiveQuery(() => consoleTubes(db), [db]);
  const rows = all?.filter((r) => matches(query, r.tube.code, r.siteName));
  const columns: TableColumnsType<TubeRow> = [
    {
      title: t('console.columns.code'),
      key: 'code',
      render: (_, r) => r.tube.code,
      sorter: byText((r) => r.tube.code),
    },
    {
      title: t('console.site'),
      key: 'site',
      render: (_, r) => r.siteName,
      sorter: byText((r) => r.siteName),
    },
    {
      title: t('console.columns.samples'),
      key: 'samples',
      align: 'right',
      render: (_, r) => `${r.samples} / ${r.tube.capacity}`,
      sorter: byNumber((r) => r.samples),
    },
    {
      title: t('console.columns.status'),
      key: 'status',
      render: (_, r) => (
        <Tag color={r.tube.status === 'open' ? 'blue' : 'default'}>
          {t(`console.tubeStatus.${r.tube.status}`)}
        </Tag>
      ),
      filters: (['open', 'closed'] as const).map((s) => ({
        text: t(`console.tubeStatus.${s}`),
        value: s,
      })),
      onFilter: (value, r) => r.tube.status === value,
    },
    {
      title: t('console.columns.openedAt'),
      key: 'openedAt',
      render: (_, r) => new Date(r.tube.openedAt).toLocaleTimeString(),
      sorter: byText((r) => r.tube.openedAt),
    },
  ];
  return (
    <TableFrame rows={rows} columns={columns} rowKey={(r) => r.tube.id} testId="console-tubes" />
  );
}

/** Every assistance task of the day, urgent and open first. */
export function TasksTable({ query }: { query: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const all = useLiveQuery(() => consoleTasks(db), [db]);
  const rows = all?.filter((r) =>
    matches(query, r.address, r.siteName, r.task.note, String(r.task.seq)),
  );
  const rank = { now: 0, soon: 1, today: 2 } as const;
  const columns: TableColumnsType<TaskRow> = [
    { title: '#', key: 'seq', render: (_, r) => r.task.seq, sorter: byNumber((r) => r.task.seq) },
    {
      title: t('console.columns.kind'),
      key: 'kind',
      render: (_, r) => t(`tasks.kind.${r.task.kind}`),
    },
    {
      title: t('console.columns.urgency'),
      key: 'urgency',
      render: (_, r) => t(`tasks.urgency.${r.task.urgency}`),
      sorter: byNumber((r) => rank[r.task.urgency]),
      defaultSortOrder: 'ascend',
    },
    {
      title: t('console.columns.status'),
      key: 'status',
      render: (_, r) => t(`console.taskStatus.${r.task.status}`),
      filters: (['open', 'done', 'cancelled'] as const).map((s) => ({
        text: t(`console.taskStatus.${s}`),
        value: s,
      })),
      onFilter: (value, r) => r.task.status === value,
    },
    {
      title: t('console.columns.helpers'),
      key: 'helpers',
      align: 'right',
      render: (_, r) => `${r.helpers} / ${r.task.helpersNeeded}`,
    },
    { title: t('console.site'), key: 'site', render: (_, r) => r.siteName },
    { title: t('console.columns.address'), key: 'address', render: (_, r) => r.address ?? '' },
    { title: t('console.columns.note'), key: 'note', render: (_, r) => r.task.note ?? '' },
  ];
  return (
    <TableFrame rows={rows} columns={columns} rowKey={(r) => r.task.id} testId="console-tasks" />
  );
}

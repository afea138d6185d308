import type { Store } from '../db/store.js';
import { coverageDb } from './admin-audit.js';
import type { ReportLanguage } from './registrations-export.js';
import { chinaTime } from './registrations-export.js';
import type { Cell, FileFormat, TableFile } from './table-file.js';
import { tableFile } from './table-file.js';

const HEADERS: Record<ReportLanguage, string[]> = {
  'zh-CN': [
    '版本',
    '时间',
    '来源',
    '用户',
    '手机号',
    '设备',
    '客户端',
    '变更号',
    '操作',
    '对象',
    '结果',
    '原因',
    '内容',
  ],
  en: [
    'Version',
    'Time',
    'Source',
    'User',
    'Phone',
    'Device',
    'Client',
    'Mutation',
    'Action',
    'Target',
    'Result',
    'Reason',
    'Details',
  ],
};

const SOURCE: Record<ReportLanguage, { phone: string; admin: string; handover: string }> = {
  'zh-CN': { phone: '手机同步', admin: '管理操作', handover: '交接代传' },
  en: { phone: 'phone sync', admin: 'administration', handover: 'hand-over carried' },
};

/**
 * The audit log (coordinators only): every mutation a phone pushed (applied
 * or rejected, with its arguments) and every administration action, in
 * commit (version) order. The arguments hold personal data: this export is
 * for the coordinator's office, not for passing around.
 */
export async function auditExport(
  store: Store,
  options: { format: FileFormat; language: ReportLanguage; sinceVersion: number },
): Promise<TableFile> {
  const users = new Map(
    (await store.db.selectFrom('users').select(['id', 'name', 'phone']).execute()).map((u) => [
      u.id,
      u,
    ]),
  );
  const devices = new Map(
    (await store.db.selectFrom('devices').select(['id', 'name']).execute()).map((d) => [
      d.id,
      d.name,
    ]),
  );
  const mutations = await store.db
    .selectFrom('audit')
    .selectAll()
    .where('version', '>', options.sinceVersion)
    .execute();
  const actions = await coverageDb(store.db)
    .selectFrom('adminAudit')
    .selectAll()
    .where('version', '>', options.sinceVersion)
    .execute();
  const handovers = await store.db
    .selectFrom('handovers')
    .selectAll()
    .where('version', '>', options.sinceVersion)
    .execute();
  const lang = options.language;
  type Line = { version: number; order: string; cells: Cell[] };
  const who = (userId: string) => users.get(userId);
  const lines: Line[] = [
    ...mutations.map((m): Line => ({
      version: Number(m.version),
      order: `${m.at}|m|${m.clientId}|${String(m.mutationId).padStart(10, '0')}`,
      cells: [
        Number(m.version),
        chinaTime(m.at),
        SOURCE[lang].phone,
        who(m.userId)?.name ?? m.userId,
        who(m.userId)?.phone ?? '',
        devices.get(m.deviceId) ?? m.deviceId,
        m.clientId,
        Number(m.mutationId),
        m.name,
        '',
        m.result,
        m.code ?? '',
        m.args,
      ],
    })),
    ...actions.map((a): Line => ({
      version: Number(a.version),
      order: `${a.at}|a|${a.id}`,
      cells: [
        Number(a.version),
        chinaTime(a.at),
        SOURCE[lang].admin,
        who(a.userId)?.name ?? a.userId,
        who(a.userId)?.phone ?? '',
        devices.get(a.deviceId) ?? a.deviceId,
        '',
        '',
        a.action,
        a.target,
        'applied',
        '',
        a.details,
      ],
    })),
    // A bundle a team mate carried (issue 16): the carrier is the user, the giver the target.
    ...handovers.map((h): Line => ({
      version: Number(h.version),
      order: `${h.at}|h|${h.id}`,
      cells: [
        Number(h.version),
        chinaTime(h.at),
        SOURCE[lang].handover,
        who(h.carrierId)?.name ?? h.carrierId,
        who(h.carrierId)?.phone ?? '',
        devices.get(h.carrierDeviceId) ?? h.carrierDeviceId,
        h.giverClientId,
        `${Number(h.firstMutationId)}-${Number(h.lastMutationId)}`,
        'handover.carry',
        who(h.giverId)?.name ?? h.giverId,
        'applied',
        '',
        JSON.stringify({
          bundleId: h.bundleId,
          giverId: h.giverId,
          carrierId: h.carrierId,
          received: Number(h.received),
          applied: Number(h.applied),
        }),
      ],
    })),
  ];
  // Commit order: the version (an action that wrote no synced row carries the version it saw).
  lines.sort((x, y) => x.version - y.version || x.order.localeCompare(y.order));
  const base = lang === 'en' ? 'audit-log' : '审计日志';
  return tableFile(
    options.format,
    base,
    lang === 'en' ? 'Audit' : '审计',
    HEADERS[lang],
    lines.map((l) => l.cells),
  );
}

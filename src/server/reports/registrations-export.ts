import { maskIdNumber } from '../../shared/domain/id-number.js';
import type { IdType } from '../../shared/domain/resident.js';
import type { Store } from '../db/store.js';
import { AppError } from '../errors.js';
import type { Cell, FileFormat, TableFile } from './table-file.js';
import { tableFile } from './table-file.js';

export type ReportLanguage = 'zh-CN' | 'en';

const HEADERS: Record<ReportLanguage, string[]> = {
  'zh-CN': [
    '序号',
    '采样点',
    '排队号',
    '姓名',
    '证件类型',
    '证件号码',
    '手机号码',
    '住址',
    '单位',
    '试管编码',
    '登记时间',
    '登记人',
  ],
  en: [
    'No.',
    'Site',
    'Queue number',
    'Name',
    'Document type',
    'Document number',
    'Mobile',
    'Address',
    'Employer',
    'Tube',
    'Registered at',
    'Registered by',
  ],
};

const ID_TYPES: Record<ReportLanguage, Record<IdType, string>> = {
  'zh-CN': {
    mainland: '居民身份证',
    hk_macau_permit: '港澳居民来往内地通行证',
    taiwan_permit: '台湾居民来往大陆通行证',
    passport: '护照',
    none: '无证件',
  },
  en: {
    mainland: 'Resident ID card',
    hk_macau_permit: 'HK/Macau permit',
    taiwan_permit: 'Taiwan permit',
    passport: 'Passport',
    none: 'No document',
  },
};

/** `138****5678`: enough to call back the right person, not enough to misuse. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : maskIdNumber(phone);
}

/** The phone's clock in China time, `YYYY-MM-DD HH:mm` (for people to read). */
export function chinaTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ');
}

export interface RegistrationExportOptions {
  campaignId: string;
  /** null: every site (coordinators). */
  siteIds: readonly string[] | null;
  /** Full ID numbers and phones only when false (coordinators). */
  masked: boolean;
  format: FileFormat;
  language: ReportLanguage;
}

/**
 * The day's registrations (not voided) for the health authority: one line
 * per registration, in site and queue order, with the tube it went into
 * when the station bound one (issue 4).
 */
export async function registrationsExport(
  store: Store,
  options: RegistrationExportOptions,
): Promise<TableFile> {
  const campaign = await store.db
    .selectFrom('campaigns')
    .selectAll()
    .where('id', '=', options.campaignId)
    .executeTakeFirst();
  if (!campaign) throw new AppError('not_found', `No campaign ${options.campaignId}.`);
  if (options.siteIds !== null && options.siteIds.length === 0) {
    throw new AppError('forbidden', 'Your team has no sites.');
  }
  const rows = await store.db
    .selectFrom('registrations as g')
    .innerJoin('residents as r', 'r.id', 'g.residentId')
    .innerJoin('sites as s', 's.id', 'g.siteId')
    .leftJoin('households as h', 'h.id', 'r.householdId')
    .leftJoin('employers as e', 'e.id', 'r.employerId')
    .leftJoin('users as u', 'u.id', 'g.createdBy')
    .select([
      'g.id as registrationId',
      's.name as siteName',
      'g.queueNumber',
      'g.lane',
      'g.seq',
      'r.name',
      'r.idType',
      'r.idNumber',
      'r.phone',
      'h.address',
      'e.name as employerName',
      'g.createdAt',
      'u.name as registrar',
    ])
    .where('g.campaignId', '=', options.campaignId)
    .where('g.status', '=', 'registered')
    .$if(options.siteIds !== null, (q) => q.where('g.siteId', 'in', options.siteIds as string[]))
    .orderBy('s.name')
    .orderBy('g.siteId')
    .orderBy('g.lane')
    .orderBy('g.seq')
    .orderBy('g.id')
    .execute();
  const bindings = await store.db
    .selectFrom('tubeBindings')
    .select(['registrationId', 'tubeCode'])
    .where('campaignId', '=', options.campaignId)
    .where('status', '=', 'bound')
    .execute();
  const tubeOf = new Map(bindings.map((b) => [b.registrationId, b.tubeCode]));

  const lang = options.language;
  const table: Cell[][] = rows.map((row, i) => [
    i + 1,
    row.siteName,
    row.queueNumber,
    row.name,
    ID_TYPES[lang][row.idType as IdType] ?? row.idType,
    row.idNumber === null ? '' : options.masked ? maskIdNumber(row.idNumber) : row.idNumber,
    row.phone === null ? '' : options.masked ? maskPhone(row.phone) : row.phone,
    row.address ?? '',
    row.employerName ?? '',
    tubeOf.get(row.registrationId) ?? '',
    chinaTime(row.createdAt),
    row.registrar ?? '',
  ]);
  const suffix = options.masked ? (lang === 'en' ? '-masked' : '-脱敏') : '';
  const base =
    lang === 'en' ? `registrations-${campaign.day}${suffix}` : `核酸登记-${campaign.day}${suffix}`;
  return tableFile(
    options.format,
    base,
    lang === 'en' ? 'Registrations' : '登记',
    HEADERS[lang],
    table,
  );
}

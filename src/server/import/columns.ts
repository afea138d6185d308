import type { IdType } from '../../shared/domain/resident.js';
import type { Employer } from '../../shared/domain/employer.js';
import { rosterFields } from '../../shared/protocol/roster-import.js';
import type { ColumnMapping, RosterField } from '../../shared/protocol/roster-import.js';

/**
 * Header names seen on real rosters (village committee sheets, compound
 * property lists, contractor staff lists) and their English forms. Headers
 * are compared after `normalizeHeader`, so spaces, case, punctuation and
 * full-width brackets do not matter.
 */
const ALIASES: Record<RosterField, string[]> = {
  name: ['姓名', '名字', '居民姓名', '人员姓名', '员工姓名', '被检人姓名', 'name', 'fullname'],
  idType: ['证件类型', '证件种类', '证件类别', 'idtype', 'documenttype', 'document'],
  idNumber: [
    '身份证号',
    '身份证号码',
    '公民身份号码',
    '身份证',
    '证件号',
    '证件号码',
    '身份证件号码',
    'idnumber',
    'idno',
    'id',
    'idcard',
    'idcardnumber',
    'documentnumber',
  ],
  phone: [
    '手机号',
    '手机号码',
    '手机',
    '联系电话',
    '电话',
    '电话号码',
    '联系方式',
    'phone',
    'mobile',
    'phonenumber',
    'mobilenumber',
    'tel',
  ],
  building: [
    '楼栋',
    '楼号',
    '楼栋号',
    '栋',
    '楼',
    '排',
    '街',
    '排号',
    '街道',
    'building',
    'block',
    'lane',
  ],
  unit: ['单元', '单元号', 'unit', 'entrance', 'stairwell'],
  room: [
    '房号',
    '房间号',
    '门牌号',
    '户号',
    '门牌',
    '室',
    'room',
    'flat',
    'door',
    'houseno',
    'doorno',
  ],
  floor: ['楼层', '层', 'floor', 'storey'],
  address: ['地址', '住址', '家庭住址', '现住址', '居住地址', '详细地址', 'address', 'homeaddress'],
  employer: [
    '单位',
    '工作单位',
    '所在单位',
    '公司',
    '企业',
    '单位名称',
    'employer',
    'company',
    'workplace',
  ],
  employerKind: ['单位类型', '单位类别', '公司类型', 'employerkind', 'employertype', 'companytype'],
  noIdReason: ['无证件原因', '无身份证原因', '原因', 'noidreason', 'reason'],
};

/** Lower-case, no spaces, punctuation or bracketed notes ("身份证号（必填）" → "身份证号"). */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/[(（[【].*?[)）\]】]/g, '')
    .replace(/[\s_\-.:：*＊/\\#]+/g, '')
    .toLowerCase();
}

const lookup = new Map<string, RosterField>(
  rosterFields.flatMap((field) => ALIASES[field].map((alias) => [alias, field] as const)),
);

/**
 * Which column each field is in, recognised from the header line. The first
 * column wins when two headers mean the same field; a column is used once.
 */
export function detectMapping(headers: readonly string[]): Required<ColumnMapping> {
  const mapping = Object.fromEntries(rosterFields.map((f) => [f, null])) as Required<ColumnMapping>;
  headers.forEach((header, index) => {
    const field = lookup.get(normalizeHeader(header));
    if (field && mapping[field] === null) mapping[field] = index;
  });
  return mapping;
}

/** The detected mapping with the coordinator's choices on top (they win). */
export function resolveMapping(
  headers: readonly string[],
  chosen: ColumnMapping | undefined,
): Required<ColumnMapping> {
  const mapping = detectMapping(headers);
  if (!chosen) return mapping;
  for (const field of rosterFields) {
    const index = chosen[field];
    if (index === undefined) continue;
    mapping[field] = index !== null && index < headers.length ? index : null;
  }
  return mapping;
}

/** Fields a file must have a column for. An ID number column is needed for any identity. */
export const requiredFields: readonly RosterField[] = ['name', 'idNumber'];

const ID_TYPES: Record<string, IdType> = {
  '': 'mainland',
  身份证: 'mainland',
  居民身份证: 'mainland',
  二代身份证: 'mainland',
  mainland: 'mainland',
  idcard: 'mainland',
  id: 'mainland',
  港澳居民来往内地通行证: 'hk_macau_permit',
  港澳通行证: 'hk_macau_permit',
  回乡证: 'hk_macau_permit',
  hkmacaupermit: 'hk_macau_permit',
  台湾居民来往大陆通行证: 'taiwan_permit',
  台胞证: 'taiwan_permit',
  taiwanpermit: 'taiwan_permit',
  护照: 'passport',
  passport: 'passport',
  无: 'none',
  无证件: 'none',
  none: 'none',
};

/** The document type a cell names, or null when unknown. An empty cell means an ID card. */
export function parseIdType(raw: string): IdType | null {
  return ID_TYPES[normalizeHeader(raw)] ?? null;
}

const EMPLOYER_KINDS: Record<string, Employer['kind']> = {
  '': 'other',
  施工: 'construction',
  施工单位: 'construction',
  建设: 'construction',
  construction: 'construction',
  监理: 'supervision',
  监理单位: 'supervision',
  supervision: 'supervision',
  其他: 'other',
  other: 'other',
};

export function parseEmployerKind(raw: string): Employer['kind'] | null {
  return EMPLOYER_KINDS[normalizeHeader(raw)] ?? null;
}

/**
 * What a printed resident card (居民二维码卡) carries, for people without a
 * smartphone: a QR code the station's scanner reads to find them at once, and
 * a name masked so a lost card gives little away (DESIGN "Security").
 */

const QR_PREFIX = 'huiju:r:';

export function residentQrPayload(residentId: string): string {
  return QR_PREFIX + residentId;
}

/** The resident id in a scanned Huiju card, or null for any other code. */
export function parseResidentQr(text: string): string | null {
  const t = text.trim();
  if (!t.startsWith(QR_PREFIX)) return null;
  const id = t.slice(QR_PREFIX.length);
  return /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : null;
}

/** The two-character surnames common enough to matter (欧阳修 → 欧阳*). */
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '令狐',
  '西门',
  '独孤',
  '南宫',
  '端木',
  '百里',
]);

/**
 * The surname, then one '*' per remaining character: 张三丰 → 张**,
 * 欧阳修 → 欧阳*. Names in Latin letters keep their first letter (the card is
 * read together with the ID tail and the address, not alone).
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  const han = /\p{Script=Han}/u.test(chars[0]!);
  const keep = han && chars.length > 2 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
  const rest = chars.slice(keep).filter((c) => c.trim() !== '').length;
  return chars.slice(0, keep).join('') + '*'.repeat(Math.max(1, rest));
}

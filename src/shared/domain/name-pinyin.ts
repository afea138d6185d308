import { pinyin } from 'pinyin-pro';

/**
 * Search keys for a name, so a volunteer in gloves can find 张三 by typing
 * `zs` or `zhangsan` on a numeric-friendly keyboard. Computed at write time
 * (import, or the phone adding someone) and stored, so search stays on an index.
 *
 * - Chinese characters: toneless pinyin, surname reading for the first
 *   character(s) (单 → shan, 曾 → zeng, 尉迟 → yuchi), ü written as v (吕 → lv)
 *   as every Chinese input method does.
 * - Latin letters (including full-width and accented ones, folded to a-z):
 *   kept lowercase; each run of letters contributes its first letter to the
 *   initials, like a syllable does.
 * - Everything else (digits, the middle dot in 迪丽热巴·迪力木拉提, spaces) is dropped.
 *
 * Both results always match /^[a-z]*$/.
 */
export function namePinyinKeys(name: string): { namePinyin: string; nameInitials: string } {
  const parts = pinyin(name.trim(), {
    toneType: 'none',
    type: 'all',
    surname: 'head',
    v: true,
    nonZh: 'consecutive',
  });
  let full = '';
  let initials = '';
  for (const part of parts) {
    if (part.isZh) {
      const syllable = part.pinyin.toLowerCase().replace(/[^a-z]/g, '');
      full += syllable;
      initials += syllable.slice(0, 1);
      continue;
    }
    // NFKD splits accents off letters (then dropped) and maps full-width letters to ASCII.
    const words = part.origin
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((w) => w !== '');
    for (const word of words) {
      full += word;
      initials += word[0];
    }
  }
  return { namePinyin: full, nameInitials: initials };
}

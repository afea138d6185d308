import { type Random, WeightedTable } from './random.js';

/**
 * Name pools for fictional demo residents. Surnames are weighted roughly by
 * their national frequency (per mille, rounded), with a few readings that
 * search must get right (单 shan, 曾 zeng, 解 xie, 仇 qiu, 欧阳). Given names
 * follow the fashion of the birth decade, so a 78-year-old is 桂兰 and a
 * 6-year-old is 梓涵, which is what volunteers will actually see.
 */
// prettier-ignore
export const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 72], ['李', 71], ['张', 68], ['刘', 54], ['陈', 45], ['杨', 31], ['黄', 22],
  ['赵', 22], ['吴', 20], ['周', 19], ['徐', 13], ['孙', 12], ['马', 12], ['朱', 11],
  ['胡', 10], ['郭', 10], ['何', 9], ['高', 9], ['林', 9], ['罗', 8], ['郑', 8],
  ['梁', 7], ['谢', 6], ['宋', 6], ['唐', 6], ['许', 5], ['韩', 5], ['冯', 5],
  ['邓', 5], ['曹', 5], ['彭', 4], ['曾', 4], ['肖', 4], ['田', 4], ['董', 4],
  ['袁', 4], ['潘', 3], ['于', 3], ['蒋', 3], ['蔡', 3], ['余', 3], ['杜', 3],
  ['叶', 3], ['程', 3], ['苏', 3], ['魏', 3], ['吕', 3], ['丁', 3], ['任', 3],
  ['沈', 3], ['姚', 3], ['卢', 3], ['姜', 3], ['崔', 2], ['钟', 2], ['谭', 2],
  ['陆', 2], ['汪', 2], ['范', 2], ['金', 2], ['石', 2], ['廖', 2], ['贾', 2],
  ['夏', 2], ['韦', 2], ['付', 2], ['方', 2], ['白', 2], ['邹', 2], ['孟', 2],
  ['熊', 2], ['秦', 2], ['邱', 2], ['江', 2], ['尹', 2], ['薛', 2], ['闫', 2],
  ['段', 2], ['雷', 2], ['侯', 2], ['龙', 2], ['史', 2], ['陶', 1], ['黎', 1],
  ['贺', 1], ['顾', 1], ['毛', 1], ['郝', 1], ['龚', 1], ['邵', 1], ['万', 1],
  ['钱', 1], ['严', 1], ['武', 1], ['戴', 1], ['莫', 1], ['孔', 1], ['单', 1],
  ['解', 0.5], ['仇', 0.3], ['欧阳', 0.3], ['司马', 0.1], ['查', 0.2], ['翟', 1],
  ['耿', 1], ['牛', 1], ['霍', 1], ['边', 0.5], ['甄', 0.5], ['葛', 1], ['庞', 1],
];

/**
 * Surnames common in villages around Shijiazhuang; a village is mostly a few
 * big families, so village households draw from these more often.
 */
// prettier-ignore
export const HEBEI_VILLAGE_SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 30], ['李', 25], ['张', 25], ['刘', 20], ['赵', 18], ['杨', 10], ['高', 10],
  ['郭', 8], ['马', 8], ['孙', 6], ['翟', 5], ['耿', 5], ['霍', 4], ['牛', 4], ['贾', 4],
];

export type Gender = 'male' | 'female';
type Era = 'old' | 'mid' | 'young' | 'child';

interface GivenPool {
  /** Whole two-character names typical of the era. */
  whole: readonly string[];
  /** Characters used alone or combined into two-character names. */
  chars: readonly string[];
}

const words = (s: string): readonly string[] => s.split(' ');
const chars = (s: string): readonly string[] => [...s];

const GIVEN: Record<Gender, Record<Era, GivenPool>> = {
  male: {
    old: {
      whole: words(
        '建国 国庆 建华 志强 保国 振华 德明 福生 金山 国华 立新 卫东 永刚 树林 国栋 胜利 援朝 建设 跃进 占山',
      ),
      chars: chars('山福财贵德忠义林成富宝广海荣喜根顺祥春发'),
    },
    mid: {
      whole: words(
        '志刚 建军 海涛 立军 永强 红军 新民 利民 晓东 卫国 军伟 东升 宏伟 振宇 亚军 建伟 国强 志勇 学军 洪涛',
      ),
      chars: chars('伟军勇磊强斌刚涛明辉鹏杰波峰华亮超健平龙'),
    },
    young: {
      whole: words(
        '浩然 子轩 宇航 俊杰 博文 天宇 志远 晨阳 鑫磊 家豪 泽宇 思远 一鸣 文博 建宇 明哲 佳乐 亚飞 振国 旭东',
      ),
      chars: chars('鑫浩帅宇凯阳晨昊博然轩航硕栋琦乐松彬旭森'),
    },
    child: {
      whole: words(
        '梓轩 宇轩 浩宇 子墨 一诺 沐阳 奕辰 俊熙 皓轩 梓豪 睿泽 子睿 锦程 嘉懿 铭泽 宸睿 明轩 承泽 煜祺 辰逸',
      ),
      chars: chars('睿泽轩宸辰浩铭皓煜航霖逸哲瑞翔琛骁锐熙恒'),
    },
  },
  female: {
    old: {
      whole: words(
        '秀英 桂兰 淑珍 玉兰 秀兰 桂英 凤英 玉珍 淑英 素芳 翠花 桂芝 淑兰 玉梅 秀珍 金凤 秀云 凤兰 玉芬 巧云',
      ),
      chars: chars('英兰珍芳梅凤花云琴霞芬荣秀菊娥莲香玉翠桂'),
    },
    mid: {
      whole: words(
        '丽娟 红梅 海燕 晓燕 丽华 艳红 春梅 建红 秀梅 丽萍 彩霞 慧敏 美玲 红霞 晓红 金玲 利娟 艳芳 雪梅 亚楠',
      ),
      chars: chars('丽静敏燕艳娟霞红平玲华萍颖辉芳洁梅蕾琳岩'),
    },
    young: {
      whole: words(
        '欣怡 思琪 佳慧 雅静 梦瑶 晓雪 雨婷 婷婷 佳琪 文静 丹丹 亚楠 晶晶 梦洁 慧娟 紫薇 倩倩 璐璐 佳怡 雪晴',
      ),
      chars: chars('婷倩雪琪瑶璐悦晴茜蕊薇莹佳楠娜丹颖静昕雯'),
    },
    child: {
      whole: words(
        '梓涵 子涵 欣妍 一诺 雨桐 可馨 诗涵 语桐 若汐 梓萱 思彤 沐晴 芷若 依诺 雨萱 安琪 语嫣 梦琪 知夏 书瑶',
      ),
      chars: chars('涵萱桐妍汐彤琪诺悦冉瑶馨怡灵晨溪宁若佳菲'),
    },
  },
};

function eraOf(birthYear: number): Era {
  if (birthYear < 1960) return 'old';
  if (birthYear < 1985) return 'mid';
  if (birthYear < 2005) return 'young';
  return 'child';
}

const nationalSurnames = new WeightedTable(SURNAMES);
const villageSurnames = new WeightedTable(HEBEI_VILLAGE_SURNAMES);

/** A surname; `village` favours the big local families. */
export function pickSurname(rng: Random, village: boolean): string {
  return village && rng.chance(0.7) ? villageSurnames.pick(rng) : nationalSurnames.pick(rng);
}

/**
 * A given name in the fashion of the birth year: one character about a
 * quarter of the time (more often for older people), otherwise a typical
 * whole name or two characters of the era combined.
 */
export function pickGivenName(rng: Random, gender: Gender, birthYear: number): string {
  const era = eraOf(birthYear);
  const pool = GIVEN[gender][era];
  const single = era === 'old' || era === 'mid' ? 0.3 : 0.12;
  const r = rng.float();
  if (r < single) return rng.pick(pool.chars);
  if (r < single + 0.45) return rng.pick(pool.whole);
  const first = rng.pick(pool.chars);
  let second = rng.pick(pool.chars);
  // Doubled characters (婷婷, 丹丹) are common for girls, odd for boys.
  if (second === first && gender === 'male') second = rng.pick(GIVEN.male[era].chars);
  return first + second;
}

/** A full name; the surname is passed in so a family can share it. */
export function fullName(rng: Random, surname: string, gender: Gender, birthYear: number): string {
  return surname + pickGivenName(rng, gender, birthYear);
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { namePinyinKeys } from './name-pinyin.js';

describe('namePinyinKeys', () => {
  it('gives full pinyin and initials without tones or spaces', () => {
    expect(namePinyinKeys('张三')).toEqual({ namePinyin: 'zhangsan', nameInitials: 'zs' });
    expect(namePinyinKeys('王小明')).toEqual({ namePinyin: 'wangxiaoming', nameInitials: 'wxm' });
  });

  it('reads the first character as a surname', () => {
    expect(namePinyinKeys('单雄信')).toEqual({ namePinyin: 'shanxiongxin', nameInitials: 'sxx' });
    expect(namePinyinKeys('曾国藩')).toEqual({ namePinyin: 'zengguofan', nameInitials: 'zgf' });
    expect(namePinyinKeys('仇英')).toEqual({ namePinyin: 'qiuying', nameInitials: 'qy' });
    expect(namePinyinKeys('尉迟恭')).toEqual({ namePinyin: 'yuchigong', nameInitials: 'ycg' });
  });

  it('writes ü as v, as input methods do', () => {
    expect(namePinyinKeys('吕布')).toEqual({ namePinyin: 'lvbu', nameInitials: 'lb' });
  });

  it('keeps Latin letters lowercase and drops other characters', () => {
    expect(namePinyinKeys('Tom 张')).toEqual({ namePinyin: 'tomzhang', nameInitials: 'tz' });
    expect(namePinyinKeys('Ｔｏｍ张')).toEqual({ namePinyin: 'tomzhang', nameInitials: 'tz' });
    expect(namePinyinKeys('José李')).toEqual({ namePinyin: 'joseli', nameInitials: 'jl' });
    expect(namePinyinKeys('迪丽热巴·迪力木拉提')).toEqual({
      namePinyin: 'dilirebadilimulati',
      nameInitials: 'dlrbdlmlt',
    });
    expect(namePinyinKeys('李2')).toEqual({ namePinyin: 'li', nameInitials: 'l' });
    expect(namePinyinKeys('')).toEqual({ namePinyin: '', nameInitials: '' });
  });

  it('always returns lowercase a-z only, initials no longer than the pinyin', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 8 }), (name) => {
        const { namePinyin, nameInitials } = namePinyinKeys(name);
        return (
          /^[a-z]*$/.test(namePinyin) &&
          /^[a-z]*$/.test(nameInitials) &&
          nameInitials.length <= namePinyin.length
        );
      }),
    );
  });

  it('maps each common character to exactly one initial', () => {
    const common =
      '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂';
    const cjk = fc.constantFrom(...common.split(''));
    fc.assert(
      fc.property(fc.array(cjk, { minLength: 1, maxLength: 4 }), (chars) => {
        const { namePinyin, nameInitials } = namePinyinKeys(chars.join(''));
        return nameInitials.length === chars.length && namePinyin.startsWith(nameInitials[0]!);
      }),
    );
  });

  it('never gives more initials than characters, and drops characters it cannot read', () => {
    // pinyin-pro has no reading for some rare characters (e.g. 虄); they are dropped, not garbled.
    expect(namePinyinKeys('虄一')).toEqual({ namePinyin: 'yi', nameInitials: 'y' });
    const cjk = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(fc.array(cjk, { minLength: 1, maxLength: 4 }), (chars) => {
        return namePinyinKeys(chars.join('')).nameInitials.length <= chars.length;
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { initI18n, setLanguage } from '../../i18n/i18n.js';

describe('the task_full rejection sentence', () => {
  it('names the task, its kind (translated) and place in both languages', async () => {
    const i18n = initI18n();
    const params = { seq: 3, kind: 'wheelchair', place: '铜冶村一排5号', needed: 1 };
    await i18n.changeLanguage('zh-CN');
    expect(i18n.t('rejection.task_full', params)).toBe(
      '任务已满员：#3 轮椅/搬运（铜冶村一排5号）需要 1 人，已经有人认领满了',
    );
    await setLanguage('en');
    expect(i18n.t('rejection.task_full', params)).toContain('Task full: #3 Wheelchair / carrying');
    await setLanguage('zh-CN');
  });
});

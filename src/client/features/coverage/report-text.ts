import type { TFunction } from 'i18next';
import type { CoverageCounts } from '../../../shared/domain/coverage-ledger.js';
import type { SiteDayTotals } from '../../../shared/domain/daily-totals.js';
import { seenPercent } from './counts-view.js';

/**
 * The day's report as short text to paste into the team's chat, in the
 * language asked for (the coordinator may write to the health authority in
 * Chinese from an English screen). One line per site, then the total.
 */
export function reportText(
  t: TFunction,
  campaign: { name: string; day: string },
  sites: readonly SiteDayTotals[],
  totals: CoverageCounts,
): string {
  const lines = [t('coverage.report.textTitle', { name: campaign.name, day: campaign.day })];
  for (const s of sites) {
    let line = t('coverage.report.textSite', {
      site: s.siteName,
      roster: s.counts.roster,
      registered: s.counts.registered,
      notSeen: s.counts.notSeen,
      percent: seenPercent(s.counts),
    });
    if (s.counts.sampled > 0) line += t('coverage.report.textSampled', { count: s.counts.sampled });
    if (s.counts.exempt > 0) line += t('coverage.report.textExempt', { count: s.counts.exempt });
    if (s.firstHour !== null && s.lastHour !== null && s.peak) {
      line += t('coverage.report.textHours', {
        from: s.firstHour,
        to: s.lastHour + 1,
        peak: s.peak.hour,
        peakCount: s.peak.count,
      });
    }
    lines.push(line);
  }
  lines.push(
    t(totals.notSeen === 0 ? 'coverage.report.textAllSeen' : 'coverage.report.textTotal', {
      roster: totals.roster,
      registered: totals.registered,
      notSeen: totals.notSeen,
      percent: seenPercent(totals),
    }),
  );
  return lines.join('\n');
}

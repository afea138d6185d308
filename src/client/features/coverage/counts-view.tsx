import { useTranslation } from 'react-i18next';
import type { CoverageCounts } from '../../../shared/domain/coverage-ledger.js';

/** Seen share of a roster, as a whole percent (an empty roster is complete). */
export function seenPercent(c: CoverageCounts): number {
  return c.roster === 0 ? 100 : Math.floor(((c.registered + c.exempt) * 100) / c.roster);
}

/**
 * A place's coverage at a glance: a bar (registered, exempt, not yet seen)
 * and the numbers, "not yet seen" first in warning colour when above zero.
 */
export function CountsView({ counts, testId }: { counts: CoverageCounts; testId?: string }) {
  const { t } = useTranslation();
  const width = (n: number) => `${counts.roster === 0 ? 0 : (n * 100) / counts.roster}%`;
  return (
    <div
      data-testid={testId}
      data-roster={counts.roster}
      data-registered={counts.registered}
      data-not-seen={counts.notSeen}
      data-exempt={counts.exempt}
      data-sampled={counts.sampled}
    >
      <div className="cov-bar" aria-hidden="true">
        <span className="cov-bar-registered" style={{ width: width(counts.registered) }} />
        <span className="cov-bar-exempt" style={{ width: width(counts.exempt) }} />
      </div>
      <div className="cov-numbers">
        {counts.notSeen > 0 ? (
          <span className="cov-missing">{t('coverage.counts.notSeen', { count: counts.notSeen })}</span>
        ) : (
          <span className="cov-done">{t('coverage.counts.allSeen')}</span>
        )}
        <span>{t('coverage.counts.registered', { count: counts.registered, roster: counts.roster })}</span>
        {counts.sampled > 0 ? <span>{t('coverage.counts.sampled', { count: counts.sampled })}</span> : null}
        {counts.exempt > 0 ? <span>{t('coverage.counts.exempt', { count: counts.exempt })}</span> : null}
        {counts.addedOnSite > 0 ? (
          <span>{t('coverage.counts.addedOnSite', { count: counts.addedOnSite })}</span>
        ) : null}
        <span>{t('coverage.counts.percent', { percent: seenPercent(counts) })}</span>
      </div>
    </div>
  );
}

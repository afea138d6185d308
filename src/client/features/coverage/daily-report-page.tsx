import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { coverageCampaign, dailyTotals } from '../../db/coverage-queries.js';
import { useLiveQuery } from '../../db/live-query.js';
import { loadLanguage } from '../../i18n/i18n.js';
import type { Language } from '../../i18n/i18n.js';
import { useServices } from '../../sync/services.js';
import { ChoiceChips } from '../../ui/choice-chips.js';
import { PageHeader } from '../../ui/page-header.js';
import { seenPercent } from './counts-view.js';
import { NoAccess } from './no-access.js';
import { reportText } from './report-text.js';
import { useCoverageAccess } from './use-coverage-access.js';
import './coverage.css';

/**
 * The daily report (route /coverage/report): the day's totals per site from
 * the phone's data (offline too; as complete as the last sync), as a table
 * that prints on one page and as a short zh-CN or English text to paste
 * into a chat.
 */
export function DailyReportPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { db } = useServices();
  const access = useCoverageAccess();
  const campaign = useLiveQuery(async () => coverageCampaign(db), [db]);
  const report = useLiveQuery(async () => (campaign ? dailyTotals(db, campaign.id) : null), [db, campaign?.id]);
  const [textLang, setTextLang] = useState<Language>(i18n.language === 'en' ? 'en' : 'zh-CN');
  const [copied, setCopied] = useState<boolean | null>(null);
  if (!access.canRead) return <NoAccess title={t('coverage.report.title')} />;

  const text = campaign && report ? reportText(i18n.getFixedT(textLang), campaign, report.sites, report.totals) : '';
  const hours = (from: number | null, to: number | null) =>
    from === null || to === null ? '—' : `${from}–${to + 1}${t('coverage.report.hourUnit')}`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <div className="hj-page cov-print">
      <PageHeader title={t('coverage.report.title')} onBack={() => navigate('/coverage')} backLabel={t('nav.back')} />
      <div className="hj-content">
        {campaign ? (
          <section className="hj-campaign">
            <div className="hj-campaign-name">{campaign.name}</div>
            <div className="hj-muted">{campaign.day}</div>
          </section>
        ) : null}
        <p className="hj-hint cov-no-print">{t('coverage.report.fromPhone')}</p>
        {report ? (
          <table className="cov-table" data-testid="report-table">
            <thead>
              <tr>
                <th scope="col">{t('coverage.report.site')}</th>
                <th scope="col">{t('coverage.report.roster')}</th>
                <th scope="col">{t('coverage.report.registered')}</th>
                <th scope="col">{t('coverage.report.notSeen')}</th>
                <th scope="col">{t('coverage.report.exempt')}</th>
                <th scope="col">{t('coverage.report.percent')}</th>
                <th scope="col">{t('coverage.report.hours')}</th>
              </tr>
            </thead>
            <tbody>
              {report.sites.map((s) => (
                <tr key={s.siteId} data-testid="report-row" data-site={s.siteId}>
                  <td>{s.siteName}</td>
                  <td>{s.counts.roster}</td>
                  <td data-testid="report-registered">{s.counts.registered}</td>
                  <td data-testid="report-not-seen">{s.counts.notSeen}</td>
                  <td>{s.counts.exempt}</td>
                  <td>{seenPercent(s.counts)}%</td>
                  <td>{hours(s.firstHour, s.lastHour)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('coverage.report.total')}</th>
                <td>{report.totals.roster}</td>
                <td>{report.totals.registered}</td>
                <td>{report.totals.notSeen}</td>
                <td>{report.totals.exempt}</td>
                <td>{seenPercent(report.totals)}%</td>
                <td />
              </tr>
            </tfoot>
          </table>
        ) : (
          <p className="hj-hint">{t('sites.loading')}</p>
        )}
        <section className="hj-form cov-no-print" aria-labelledby="report-text">
          <h2 className="hj-section-title" id="report-text">
            {t('coverage.report.textHeading')}
          </h2>
          <ChoiceChips
            label={t('coverage.report.textLanguage')}
            testId="report-text-lang"
            options={[
              { value: 'zh-CN', label: t('language.zh-CN') },
              { value: 'en', label: t('language.en') },
            ]}
            value={textLang}
            onChange={(lng) => void loadLanguage(lng).then(() => setTextLang(lng))}
          />
          <div className="cov-report-text" data-testid="report-text">
            {text}
          </div>
          <div className="cov-actions">
            <Button size="large" color="primary" data-testid="report-copy" onClick={() => void copy()}>
              {t('coverage.report.copy')}
            </Button>
            <Button size="large" data-testid="report-print" onClick={() => window.print()}>
              {t('coverage.report.print')}
            </Button>
          </div>
          {copied !== null ? (
            <p className={copied ? 'hj-flush cov-done' : 'hj-hint'} role="status">
              {copied ? t('coverage.report.copied') : t('coverage.report.copyFailed')}
            </p>
          ) : null}
        </section>
      </div>
    </div>
  );
}

import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { campaignSites, coverageCampaign } from '../../db/coverage-queries.js';
import { useLiveQuery } from '../../db/live-query.js';
import { downloadFile } from '../../sync/server-api.js';
import { useServices } from '../../sync/services.js';
import { ChoiceChips } from '../../ui/choice-chips.js';
import { PageHeader } from '../../ui/page-header.js';
import { NoAccess } from './no-access.js';
import { useCoverageAccess } from './use-coverage-access.js';
import './coverage.css';

type Format = 'csv' | 'xlsx';

/**
 * Exports (route /coverage/exports, needs the network: the server has every
 * phone's registrations): the round's registrations for the health authority
 * as CSV or XLSX — full ID numbers for coordinators, masked for leaders (the
 * server decides) — and, for coordinators, the audit log.
 */
export function ExportsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { db, session } = useServices();
  const access = useCoverageAccess();
  const campaign = useLiveQuery(async () => coverageCampaign(db), [db]);
  const sites = useLiveQuery(async () => (campaign ? campaignSites(db, campaign.id) : []), [db, campaign?.id]);
  const [siteId, setSiteId] = useState<string>('all');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (!access.canExport) return <NoAccess title={t('coverage.exports.title')} />;
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';

  async function download(path: string, fallback: string) {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const result = await downloadFile(path, session.token, fallback);
      if (result.kind === 'ok') setMessage({ ok: true, text: t('coverage.exports.saved', { name: result.fileName }) });
      else if (result.kind === 'network') setMessage({ ok: false, text: t('coverage.needsNetwork') });
      else setMessage({ ok: false, text: t('coverage.serverSaid', { message: result.message }) });
    } finally {
      setBusy(false);
    }
  }

  const registrations = (format: Format) => {
    if (!campaign) return;
    const site = siteId === 'all' ? '' : `&siteId=${encodeURIComponent(siteId)}`;
    void download(
      `/api/export/registrations?campaignId=${encodeURIComponent(campaign.id)}&format=${format}&lang=${lang}${site}`,
      `registrations.${format}`,
    );
  };

  return (
    <div className="hj-page">
      <PageHeader title={t('coverage.exports.title')} onBack={() => navigate('/coverage')} backLabel={t('nav.back')} />
      <div className="hj-content">
        <section className="hj-form" aria-labelledby="exports-registrations">
          <h2 className="hj-section-title" id="exports-registrations">
            {t('coverage.exports.registrations')}
          </h2>
          <p className="hj-hint">{access.fullIds ? t('coverage.exports.fullIds') : t('coverage.exports.maskedIds')}</p>
          <ChoiceChips
            label={t('coverage.exports.which')}
            testId="exports-site"
            options={[{ value: 'all', label: t('coverage.exports.allSites') }, ...(sites ?? []).map((s) => ({ value: s.id, label: s.name }))]}
            value={siteId}
            onChange={setSiteId}
          />
          <div className="cov-actions">
            <Button size="large" color="primary" disabled={!campaign} loading={busy} data-testid="export-registrations-xlsx" onClick={() => registrations('xlsx')}>
              {t('coverage.exports.xlsx')}
            </Button>
            <Button size="large" disabled={!campaign} loading={busy} data-testid="export-registrations-csv" onClick={() => registrations('csv')}>
              {t('coverage.exports.csv')}
            </Button>
          </div>
        </section>
        {access.role === 'coordinator' ? (
          <section className="hj-form" aria-labelledby="exports-audit">
            <h2 className="hj-section-title" id="exports-audit">
              {t('coverage.exports.audit')}
            </h2>
            <p className="hj-hint">{t('coverage.exports.auditHint')}</p>
            <div className="cov-actions">
              <Button size="large" loading={busy} data-testid="export-audit-xlsx" onClick={() => void download(`/api/export/audit?format=xlsx&lang=${lang}`, 'audit.xlsx')}>
                {t('coverage.exports.xlsx')}
              </Button>
              <Button size="large" loading={busy} data-testid="export-audit-csv" onClick={() => void download(`/api/export/audit?format=csv&lang=${lang}`, 'audit.csv')}>
                {t('coverage.exports.csv')}
              </Button>
            </div>
          </section>
        ) : null}
        {message ? (
          <p className={message.ok ? 'hj-flush cov-done' : 'hj-error'} role={message.ok ? 'status' : 'alert'} data-testid="export-message">
            {message.text}
          </p>
        ) : null}
      </div>
    </div>
  );
}

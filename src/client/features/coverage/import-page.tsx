import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type {
  ColumnMapping,
  RosterField,
  RosterImportResponse,
} from '../../../shared/protocol/roster-import.js';
import { rosterFields, rosterImportResponseSchema } from '../../../shared/protocol/roster-import.js';
import { campaignSites, coverageCampaign } from '../../db/coverage-queries.js';
import { useLiveQuery } from '../../db/live-query.js';
import { fileToBase64, saveBlob, sendJson } from '../../sync/server-api.js';
import { useServices } from '../../sync/services.js';
import { ChoiceChips } from '../../ui/choice-chips.js';
import { PageHeader } from '../../ui/page-header.js';
import { errorReportCsv, problemText } from './import-text.js';
import { NoAccess } from './no-access.js';
import { useCoverageAccess } from './use-coverage-access.js';
import './coverage.css';

interface Picked {
  name: string;
  base64: string;
}

/**
 * Roster import (route /coverage/import, coordinators, needs the network):
 * pick the site and the CSV/XLSX file; the server checks every row and shows
 * the preview — the columns it recognised (changeable), the rows it refuses
 * and why (downloadable as CSV, to fix and import again), a sample of the
 * rest; one tap imports the valid rows in one go. Importing the same file
 * again changes nothing.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { db, session, syncNow } = useServices();
  const access = useCoverageAccess();
  const campaign = useLiveQuery(async () => coverageCampaign(db), [db]);
  const sites = useLiveQuery(async () => (campaign ? campaignSites(db, campaign.id) : []), [db, campaign?.id]);
  const [siteId, setSiteId] = useState<string | null>(null);
  const [file, setFile] = useState<Picked | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | undefined>(undefined);
  const [preview, setPreview] = useState<RosterImportResponse | null>(null);
  const [done, setDone] = useState<RosterImportResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!access.canImport) return <NoAccess title={t('coverage.import.title')} />;

  async function call(step: 'preview' | 'commit', picked: Picked, site: string, map?: ColumnMapping) {
    setBusy(true);
    setError(null);
    try {
      const result = await sendJson(
        `/api/import/roster/${step}`,
        { siteId: site, fileName: picked.name, fileBase64: picked.base64, mapping: map },
        session.token,
      );
      if (result.kind === 'network') {
        setError(t('coverage.needsNetwork'));
        return;
      }
      if (result.kind === 'error') {
        setError(t('coverage.serverSaid', { message: result.message }));
        return;
      }
      const response = rosterImportResponseSchema.parse(result.body);
      setPreview(response);
      setMapping(response.mapping as ColumnMapping);
      if (step === 'commit') {
        setDone(response);
        void syncNow();
      }
    } finally {
      setBusy(false);
    }
  }

  async function pick(list: FileList | null) {
    const chosen = list?.[0];
    setDone(null);
    setPreview(null);
    setMapping(undefined);
    if (!chosen || !siteId) return;
    const picked = { name: chosen.name, base64: await fileToBase64(chosen) };
    setFile(picked);
    await call('preview', picked, siteId);
  }

  function setColumn(field: RosterField, value: string) {
    setMapping({ ...mapping, [field]: value === '' ? null : Number(value) });
  }

  const site = sites?.find((s) => s.id === siteId);
  const canCommit =
    preview !== null && preview.missingFields.length === 0 && preview.totals.valid > 0 && !done;

  return (
    <div className="hj-page">
      <PageHeader title={t('coverage.import.title')} onBack={() => navigate('/coverage')} backLabel={t('nav.back')} />
      <div className="hj-content">
        <p className="hj-hint">{t('coverage.import.intro')}</p>
        <section className="hj-form" aria-labelledby="import-site">
          <h2 className="hj-section-title" id="import-site">
            {t('coverage.import.site')}
          </h2>
          <ChoiceChips
            label={t('coverage.import.site')}
            testId="import-site"
            options={(sites ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={siteId}
            onChange={(id) => {
              setSiteId(id);
              setFile(null);
              setPreview(null);
              setDone(null);
            }}
          />
        </section>
        {siteId ? (
          <section className="hj-form" aria-labelledby="import-file">
            <h2 className="hj-section-title" id="import-file">
              {t('coverage.import.file')}
            </h2>
            <input
              className="cov-file"
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              data-testid="import-file"
              aria-label={t('coverage.import.file')}
              onChange={(e) => {
                const input = e.target;
                void pick(input.files).finally(() => {
                  // Picking the same file again (after fixing it) must read it again.
                  input.value = '';
                });
              }}
            />
            <p className="hj-hint">{t('coverage.import.fileHint')}</p>
          </section>
        ) : null}
        {busy ? <p className="hj-hint" role="status">{t('coverage.import.checking')}</p> : null}
        {error ? (
          <p className="hj-error" role="alert" data-testid="import-error">
            {error}
          </p>
        ) : null}

        {preview && file && siteId ? (
          <>
            <section className="hj-form" aria-labelledby="import-columns">
              <h2 className="hj-section-title" id="import-columns">
                {t('coverage.import.columns')}
              </h2>
              {preview.missingFields.length > 0 ? (
                <p className="hj-error" role="alert" data-testid="import-missing-fields">
                  {t('coverage.import.missingFields', {
                    fields: preview.missingFields.map((f) => t(`coverage.import.field.${f}`)).join('、'),
                  })}
                </p>
              ) : null}
              {rosterFields.map((field) => (
                <label key={field} className="hj-field">
                  <span className="hj-label">{t(`coverage.import.field.${field}`)}</span>
                  <select
                    className="cov-select"
                    data-testid={`import-map-${field}`}
                    value={mapping?.[field] ?? ''}
                    onChange={(e) => setColumn(field, e.target.value)}
                  >
                    <option value="">{t('coverage.import.notInFile')}</option>
                    {preview.headers.map((h, i) => (
                      <option key={i} value={i}>
                        {h || t('coverage.import.columnN', { n: i + 1 })}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
              <Button block disabled={busy} data-testid="import-recheck" onClick={() => void call('preview', file, siteId, mapping)}>
                {t('coverage.import.recheck')}
              </Button>
            </section>

            <section className="hj-form" aria-labelledby="import-summary" data-testid="import-summary">
              <h2 className="hj-section-title" id="import-summary">
                {done ? t('coverage.import.doneTitle', { site: site?.name ?? '' }) : t('coverage.import.previewTitle')}
              </h2>
              <p className="hj-flush" data-testid="import-totals" data-valid={preview.totals.valid} data-invalid={preview.totals.invalid} data-new={preview.totals.new} data-unchanged={preview.totals.unchanged} data-updated={preview.totals.updated}>
                {t('coverage.import.totals', preview.totals)}
              </p>
              {preview.totals.newHouseholds + preview.totals.newEmployers > 0 ? (
                <p className="hj-hint">{t('coverage.import.places', preview.totals)}</p>
              ) : null}
              {preview.totals.blank > 0 ? <p className="hj-hint">{t('coverage.import.blank', { count: preview.totals.blank })}</p> : null}
              {done ? (
                <p className="hj-flush cov-done" role="status" data-testid="import-done">
                  {done.version === null ? t('coverage.import.nothingChanged') : t('coverage.import.committed', done.totals)}
                </p>
              ) : null}
              {canCommit ? (
                <Button block size="large" color="primary" loading={busy} data-testid="import-commit" onClick={() => void call('commit', file, siteId, mapping)}>
                  {t('coverage.import.commit', { count: preview.totals.valid })}
                </Button>
              ) : null}
            </section>

            {preview.invalid.length + preview.warnings.length > 0 ? (
              <section className="hj-form" aria-labelledby="import-problems">
                <h2 className="hj-section-title" id="import-problems">
                  {t('coverage.import.problemsTitle', { count: preview.invalid.length })}
                </h2>
                <Button
                  block
                  data-testid="import-report"
                  onClick={() =>
                    saveBlob(
                      new Blob([errorReportCsv(t, preview)], { type: 'text/csv;charset=utf-8' }),
                      t('coverage.import.report.fileName', { name: file.name.replace(/\.[^.]+$/, '') }),
                    )
                  }
                >
                  {t('coverage.import.downloadReport')}
                </Button>
                <ul className="hj-list" data-testid="import-problems">
                  {[...preview.invalid, ...preview.warnings].sort((a, b) => a.line - b.line).map((row) => (
                    <li key={row.line} className="cov-person" data-testid="import-problem" data-line={row.line} data-warning={preview.warnings.includes(row) ? 'true' : 'false'}>
                      <span className="hj-grow">
                        <span className="cov-problem-line">{t('coverage.import.lineN', { line: row.line })}</span>{' '}
                        <span className="hj-muted">{row.cells.filter((c) => c !== '').slice(0, 2).join(' ')}</span>
                        <br />
                        {row.problems.map((p) => problemText(t, p)).join('；')}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}

            {preview.sample.length > 0 ? (
              <section className="hj-form" aria-labelledby="import-sample">
                <h2 className="hj-section-title" id="import-sample">
                  {t('coverage.import.sampleTitle')}
                </h2>
                <ul className="hj-list">
                  {preview.sample.map((s) => (
                    <li key={s.line} className="cov-person" data-testid="import-sample">
                      <span className="hj-grow">
                        {s.name} <span className="hj-muted">{s.idMasked.slice(-6)} · {s.place}</span>
                      </span>
                      <span className="hj-tag">{t(`coverage.import.outcome.${s.outcome}`)}</span>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </>
        ) : null}
      </div>
    </div>
  );
}

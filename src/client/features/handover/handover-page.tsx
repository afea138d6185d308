import { Button } from 'antd-mobile';
import { useState } from 'react';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { parseSealedText } from '../../../shared/protocol/handover-seal.js';
import { carriedList, givenList, handoverKeys, receiveBundle } from '../../db/handover-queries.js';
import { useLiveQuery } from '../../db/live-query.js';
import { useServices } from '../../sync/services.js';
import { PageHeader } from '../../ui/page-header.js';
import { formatSyncTime } from '../../ui/status-bar.js';
import { describeHandoverError } from './describe-error.js';
import { FrameScanner } from './frame-scanner.js';
import './handover.css';

type Outcome = { ok: true; text: string } | { ok: false; text: string };

/**
 * 无网络交接: hand over this phone's unsynced work, receive a team mate's (by
 * the camera or a file), and see both lists — what this phone handed over
 * (kept until the server has it) and what it carries for others (pending
 * apart from its own, sent when online).
 */
export function HandoverPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { db, session, syncNow, sync } = useServices();
  const keys = useLiveQuery(() => handoverKeys(db), [db]);
  const given = useLiveQuery(() => givenList(db), [db]) ?? [];
  const carried = useLiveQuery(() => carriedList(db), [db]) ?? [];
  const carriedPending = carried
    .filter((c) => c.status === 'pending' && c.kind === 'work')
    .reduce((sum, c) => sum + c.count, 0);
  const [scanning, setScanning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function take(text: string) {
    setScanning(false);
    try {
      const entry = await receiveBundle(db, session.user, parseSealedText(text), new Date());
      const next =
        entry.kind === 'work' ? t('handover.receivedWork') : t('handover.receivedAssignments');
      setOutcome({
        ok: true,
        text: `${t('handover.received', { count: entry.count, name: entry.giverName })} ${next}`,
      });
      if (sync.online) void syncNow();
    } catch (error) {
      setOutcome({ ok: false, text: describeHandoverError(t, error) });
    }
  }

  async function openFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) await take(await file.text());
  }

  const time = (iso: string) => formatSyncTime(iso, i18n.language);

  return (
    <div className="hj-page">
      <PageHeader
        title={t('handover.title')}
        onBack={() => navigate(-1)}
        backLabel={t('nav.back')}
      />
      <div className="hj-content">
        <p className="hj-hint">{t('handover.hint')}</p>
        {carriedPending > 0 ? (
          <p
            className="hj-banner-text"
            data-testid="handover-carried-pending"
            data-count={carriedPending}
          >
            {t('handover.carriedPending', { count: carriedPending })}
          </p>
        ) : null}
        {keys === null ? (
          <p className="hj-error" data-testid="handover-no-key">
            {t('handover.noKey')}
          </p>
        ) : null}
        <Button
          block
          size="large"
          color="primary"
          onClick={() => navigate('/handover/give?kind=work')}
          data-testid="handover-give"
        >
          {t('handover.give')}
        </Button>
        {session.user.role === 'leader' ? (
          <Button
            block
            size="large"
            onClick={() => navigate('/handover/give?kind=assignments')}
            data-testid="handover-give-assignments"
          >
            {t('handover.giveAssignments')}
          </Button>
        ) : null}

        <section className="hj-form" aria-labelledby="handover-receive">
          <h2 className="hj-section-title" id="handover-receive">
            {t('handover.receive')}
          </h2>
          <Button
            block
            size="large"
            disabled={!keys}
            onClick={() => {
              setOutcome(null);
              setScanning(true);
            }}
            data-testid="handover-scan"
          >
            {t('handover.scan')}
          </Button>
          <label className="hj-handover-file" data-disabled={!keys}>
            <input
              type="file"
              accept=".json,application/json"
              disabled={!keys}
              onChange={(e) => void openFile(e)}
              data-testid="handover-file"
            />
            <span>{t('handover.openFile')}</span>
          </label>
          {outcome ? (
            <p
              className={outcome.ok ? 'hj-handover-ok' : 'hj-error'}
              role={outcome.ok ? 'status' : 'alert'}
              data-testid="handover-outcome"
              data-ok={String(outcome.ok)}
            >
              {outcome.text}
            </p>
          ) : null}
        </section>

        <section className="hj-form" aria-labelledby="handover-carried">
          <h2 className="hj-section-title" id="handover-carried">
            {t('handover.carriedTitle')}
          </h2>
          {carried.length === 0 ? <p>{t('handover.carriedNone')}</p> : null}
          <ul className="hj-handover-list" data-testid="handover-carried-list">
            {carried.map((c) => (
              <li
                key={c.bundleId}
                data-testid="handover-carried"
                data-status={c.status}
                data-kind={c.kind}
                data-count={c.count}
              >
                <div className="hj-handover-line">
                  {c.kind === 'work'
                    ? t('handover.carriedLine', { name: c.giverName, count: c.count })
                    : t('handover.assignmentsLine', { name: c.giverName, count: c.count })}
                </div>
                <div className={c.status === 'refused' ? 'hj-error' : 'hj-muted'}>
                  {t(`handover.status.${c.status}`)} · {time(c.receivedAt)}
                  {c.error ? ` · ${c.error}` : ''}
                </div>
              </li>
            ))}
          </ul>
        </section>

        <section className="hj-form" aria-labelledby="handover-given">
          <h2 className="hj-section-title" id="handover-given">
            {t('handover.givenTitle')}
          </h2>
          {given.length === 0 ? <p>{t('handover.givenNone')}</p> : null}
          <ul className="hj-handover-list" data-testid="handover-given-list">
            {given.map((g) => (
              <li
                key={g.bundleId}
                data-testid="handover-given"
                data-confirmed={String(g.confirmed)}
                data-count={g.count}
                data-via={g.via}
              >
                <div className="hj-handover-line">
                  {g.toName
                    ? t('handover.givenLine', {
                        count: g.count,
                        name: g.toName,
                        time: time(g.createdAt),
                      })
                    : t('handover.givenLineAnyone', { count: g.count, time: time(g.createdAt) })}
                </div>
                <div className="hj-muted">
                  {g.confirmed ? t('handover.confirmed') : t('handover.kept')}
                </div>
              </li>
            ))}
          </ul>
        </section>
      </div>
      {scanning ? (
        <FrameScanner onComplete={(text) => void take(text)} onClose={() => setScanning(false)} />
      ) : null}
    </div>
  );
}

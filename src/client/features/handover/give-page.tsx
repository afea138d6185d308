import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { toFrames } from '../../../shared/protocol/handover-frames.js';
import type { HandoverKind } from '../../../shared/protocol/handover-bundle.js';
import type { TeamMate } from '../../db/handover-queries.js';
import { handoverKeys, makeBundle, teamMates } from '../../db/handover-queries.js';
import { useLiveQuery } from '../../db/live-query.js';
import { saveBlob } from '../../sync/server-api.js';
import { useServices } from '../../sync/services.js';
import { ChoiceChips } from '../../ui/choice-chips.js';
import { PageHeader } from '../../ui/page-header.js';
import { describeHandoverError } from './describe-error.js';
import { QrFrames } from './qr-frames.js';
import './handover.css';

const ANYONE = 'anyone';

/** Shares the sealed file through the system share sheet, or saves it where sharing files is not offered. */
async function shareOrSave(text: string, fileName: string): Promise<void> {
  const file = new File([text], fileName, { type: 'application/json' });
  if (navigator.canShare?.({ files: [file] })) {
    try {
      await navigator.share({ files: [file], title: fileName });
      return;
    } catch (error) {
      // The person closed the share sheet: nothing to do.
      if (error instanceof Error && error.name === 'AbortError') return;
    }
  }
  saveBlob(file, fileName);
}

/**
 * 交出我的工作: pick who takes it, then show the animated QR codes or send a
 * file. The changes stay on this phone until the server has them.
 */
export function GivePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const kind: HandoverKind = params.get('kind') === 'assignments' ? 'assignments' : 'work';
  const { db, session } = useServices();
  const mates = useLiveQuery(() => teamMates(db, session.user), [db, session.user]);
  const pending = useLiveQuery(() => db.outbox.count(), [db]) ?? 0;
  const keys = useLiveQuery(() => handoverKeys(db), [db]);
  const [to, setTo] = useState<string>(ANYONE);
  const [frames, setFrames] = useState<string[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const receiver: TeamMate | null = mates?.find((m) => m.userId === to) ?? null;

  async function make(via: 'qr' | 'file') {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const made = await makeBundle(db, session.user, { kind, to: receiver, via, now: new Date() });
      if (!made) {
        setError(t('handover.nothing'));
        return;
      }
      const text = JSON.stringify(made.sealed);
      if (via === 'qr') {
        setFrames(toFrames(text, made.sealed.bundleId));
        return;
      }
      const stamp = made.given.createdAt.slice(0, 16).replace(/[:T]/g, '-');
      const fileName = `huiju-handover-${session.user.phone}-${stamp}.json`;
      await shareOrSave(text, fileName);
      setMessage(t('handover.fileShared', { name: fileName }));
    } catch (e) {
      setError(describeHandoverError(t, e));
    } finally {
      setBusy(false);
    }
  }

  const title = kind === 'work' ? t('handover.give') : t('handover.giveAssignments');
  if (frames) {
    return (
      <div className="hj-page">
        <PageHeader title={title} />
        <div className="hj-content hj-handover-show">
          <p className="hj-handover-caption">
            {receiver ? t('handover.showTo', { name: receiver.name }) : t('handover.showToAnyone')}
          </p>
          <QrFrames frames={frames} />
          <Button
            block
            size="large"
            color="primary"
            onClick={() => navigate('/handover')}
            data-testid="handover-qr-done"
          >
            {t('handover.done')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className="hj-page">
      <PageHeader title={title} onBack={() => navigate('/handover')} backLabel={t('nav.back')} />
      <div className="hj-content">
        {keys === null ? <p className="hj-error">{t('handover.noKey')}</p> : null}
        {pending === 0 ? <p data-testid="handover-nothing">{t('handover.nothing')}</p> : null}
        <section className="hj-form" aria-labelledby="handover-to">
          <h2 className="hj-section-title" id="handover-to">
            {t('handover.pickReceiver')}
          </h2>
          <ChoiceChips
            label={t('handover.pickReceiver')}
            testId="handover-to"
            value={to}
            onChange={setTo}
            options={[
              { value: ANYONE, label: t('handover.anyone') },
              ...(mates ?? []).map((m) => ({ value: m.userId, label: m.name })),
            ]}
          />
        </section>
        <Button
          block
          size="large"
          color="primary"
          disabled={pending === 0 || !keys || busy}
          onClick={() => void make('qr')}
          data-testid="handover-make-qr"
        >
          {t('handover.makeQr', { count: pending })}
        </Button>
        <Button
          block
          size="large"
          disabled={pending === 0 || !keys || busy}
          onClick={() => void make('file')}
          data-testid="handover-make-file"
        >
          {t('handover.makeFile', { count: pending })}
        </Button>
        {message ? (
          <p role="status" data-testid="handover-give-message">
            {message}
          </p>
        ) : null}
        {error ? (
          <p className="hj-error" role="alert" data-testid="handover-give-error">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}

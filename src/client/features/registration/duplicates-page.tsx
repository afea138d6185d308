import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { DuplicateEntry, DuplicateGroupView } from '../../db/duplicate-queries.js';
import { siteDuplicates } from '../../db/duplicate-queries.js';
import { useLiveQuery } from '../../db/live-query.js';
import { activeCampaign } from '../../db/station-queries.js';
import { useServices } from '../../sync/services.js';
import { Overlay } from '../../ui/overlay.js';
import { PageHeader } from '../../ui/page-header.js';
import { describeError } from './describe-error.js';
import { documentLine } from './resident-line.js';
import './station.css';

interface Choice {
  group: DuplicateGroupView;
  keep: DuplicateEntry;
}

/**
 * People registered twice in the campaign (route /site/:siteId/duplicates):
 * both records are kept and flagged after sync; a leader or coordinator keeps
 * one and voids the rest with a reason. The voided rows stay (audit).
 */
export function DuplicatesPage() {
  const { siteId = '' } = useParams();
  const navigate = useNavigate();
  const { t } = useTranslation();
  const { db, mutate, session } = useServices();
  const campaign = useLiveQuery(async () => (await activeCampaign(db)) ?? null, [db]);
  const groups = useLiveQuery(
    async () => (campaign ? siteDuplicates(db, siteId, campaign.id) : []),
    [db, siteId, campaign?.id],
  );
  const [choice, setChoice] = useState<Choice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mayResolve = session.user.role !== 'volunteer';

  async function resolve() {
    if (!choice || busy) return;
    setBusy(true);
    setError(null);
    try {
      for (const other of choice.group.entries) {
        if (other.registration.id === choice.keep.registration.id) continue;
        await mutate('resolveDuplicate', {
          keepRegistrationId: choice.keep.registration.id,
          voidRegistrationId: other.registration.id,
          reason: t('duplicates.reason', { queueNumber: choice.keep.registration.queueNumber }),
        });
      }
      setChoice(null);
    } catch (caught) {
      setError(describeError(t, caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="hj-page">
      <PageHeader
        title={t('duplicates.title')}
        onBack={() => navigate(`/site/${siteId}`)}
        backLabel={t('nav.back')}
      />
      <div className="hj-content">
        <p className="hj-hint">{mayResolve ? t('duplicates.hint') : t('duplicates.leaderOnly')}</p>
        {groups && groups.length === 0 ? (
          <p className="hj-flush" data-testid="duplicates-none" role="status">
            {t('duplicates.none')}
          </p>
        ) : null}
        {(groups ?? []).map((group) => (
          <section
            key={group.personKey}
            className="hj-box"
            data-flag="true"
            data-testid="duplicate-group"
          >
            <h2 className="hj-box-title">
              {t('duplicates.groupTitle', {
                name: group.entries[0]?.resident?.name ?? '—',
                count: group.entries.length,
              })}
            </h2>
            <p className="hj-result-line">{documentLine(t, group.entries[0]?.resident)}</p>
            <ul className="hj-list">
              {group.entries.map((entry) => (
                <li key={entry.registration.id} className="hj-result" data-testid="duplicate-entry">
                  <span className="hj-reg-number">{entry.registration.queueNumber}</span>
                  <span className="hj-grow">
                    <span className="hj-result-line">
                      {t('duplicates.by', { name: entry.registeredBy ?? '—' })}
                    </span>
                    <span className="hj-result-line">
                      {entry.binding
                        ? t('householdReg.inTube', { code: entry.binding.tubeCode })
                        : t('tubes.noTube')}
                    </span>
                  </span>
                  {mayResolve ? (
                    <Button
                      color="primary"
                      data-testid="duplicate-keep"
                      onClick={() => {
                        setError(null);
                        setChoice({ group, keep: entry });
                      }}
                    >
                      {t('duplicates.keep')}
                    </Button>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>

      {choice ? (
        <Overlay
          testId="duplicate-dialog"
          title={t('duplicates.confirmTitle', {
            queueNumber: choice.keep.registration.queueNumber,
          })}
          onClose={() => setChoice(null)}
          actions={
            <>
              <Button
                block
                size="large"
                color="danger"
                loading={busy}
                data-testid="duplicate-confirm"
                onClick={() => void resolve()}
              >
                {t('duplicates.confirm', { count: choice.group.entries.length - 1 })}
              </Button>
              <Button block data-autofocus onClick={() => setChoice(null)}>
                {t('common.cancel')}
              </Button>
            </>
          }
        >
          <p className="hj-flush">
            {t('duplicates.confirmBody', {
              others: choice.group.entries
                .filter((e) => e !== choice.keep)
                .map((e) => e.registration.queueNumber)
                .join('、'),
            })}
          </p>
          {error ? (
            <p className="hj-error" role="alert" data-testid="duplicate-error">
              {error}
            </p>
          ) : null}
        </Overlay>
      ) : null}
    </div>
  );
}

import { Button, Dialog } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isMutatorName } from '../../../shared/mutators/registry.js';
import type { StoredRejection } from '../../db/database.js';
import { useLiveQuery } from '../../db/live-query.js';
import { laneFor, nextQueueSeq } from '../../db/station-queries.js';
import { attentionItems, markRejectionDismissed } from '../../db/sync-center-queries.js';
import { useServices } from '../../sync/services.js';
import { PageHeader } from '../../ui/page-header.js';
import { enteredLines, rejectionReason } from './describe-rejection.js';

/**
 * "Needs attention": every change the server did not accept, with the reason
 * in plain words, what was entered, and what can be done — resubmit (after
 * fixing what can be fixed here, like taking the next queue number) or
 * dismiss (which goes to the audit log as a change of its own).
 */
export function AttentionPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { db, mutate } = useServices();
  const items = useLiveQuery(() => attentionItems(db), [db]);
  const [message, setMessage] = useState<string | null>(null);

  async function settle(item: StoredRejection) {
    await mutate('dismissRejection', {
      mutationId: item.mutationId,
      name: item.name,
      code: item.code,
    });
    await markRejectionDismissed(db, item.mutationId, new Date());
  }

  async function resubmit(item: StoredRejection) {
    setMessage(null);
    if (!isMutatorName(item.name)) return;
    try {
      const args = structuredClone(item.args) as Record<string, unknown>;
      // A taken queue number is fixed by taking the next one in this phone's lane.
      const registration = (
        item.name === 'registerNewResident' ? args.registration : args
      ) as Record<string, unknown>;
      if (typeof registration?.lane === 'string' && typeof registration.campaignId === 'string') {
        const lane = (await laneFor(db, registration.campaignId)) ?? registration.lane;
        registration.lane = lane;
        registration.seq = await nextQueueSeq(
          db,
          String(registration.siteId),
          registration.campaignId,
          lane,
        );
        registration.id = crypto.randomUUID();
      }
      await mutate(item.name, args as never);
      await settle(item);
      setMessage(t('syncCenter.resubmitted'));
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
  }

  async function dismiss(item: StoredRejection) {
    if (!(await Dialog.confirm({ content: t('syncCenter.dismissConfirm') }))) return;
    await settle(item);
  }

  return (
    <div className="hj-page">
      <PageHeader
        title={t('syncCenter.attentionTitle')}
        onBack={() => navigate(-1)}
        backLabel={t('nav.back')}
      />
      <div className="hj-content">
        {message ? (
          <p className="hj-hint" role="status" data-testid="attention-message">
            {message}
          </p>
        ) : null}
        {items && items.length === 0 ? (
          <p data-testid="attention-none">{t('syncCenter.attentionNone')}</p>
        ) : null}
        {items?.map((item) => (
          <section
            className="hj-card"
            key={item.mutationId}
            data-testid="attention-item"
            data-code={item.code}
          >
            <div className="hj-card-title">
              {t(`mutation.${item.name}`, { defaultValue: item.name })}
            </div>
            <p className="hj-error" data-testid="attention-reason">
              {t('syncCenter.attentionReason', { reason: rejectionReason(t, item) })}
            </p>
            <div className="hj-muted">{t('syncCenter.attentionEntered')}</div>
            <ul className="hj-small">
              {enteredLines(item.args).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <div className="hj-row">
              <Button
                color="primary"
                onClick={() => void resubmit(item)}
                data-testid="attention-resubmit"
              >
                {t('syncCenter.resubmit')}
              </Button>
              <Button onClick={() => void dismiss(item)} data-testid="attention-dismiss">
                {t('syncCenter.dismiss')}
              </Button>
            </div>
          </section>
        ))}
      </div>
    </div>
  );
}

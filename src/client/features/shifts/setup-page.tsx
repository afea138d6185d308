import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { ShiftPost } from '../../../shared/domain/shift-post.js';
import {
  DEFAULT_ROTATION_LIMIT_MINUTES,
  MAX_ROTATION_LIMIT_MINUTES,
  MIN_ROTATION_LIMIT_MINUTES,
} from '../../../shared/domain/shift-settings.js';
import { useLiveQuery } from '../../db/live-query.js';
import { siteSetup } from '../../db/shift-queries.js';
import { useServices } from '../../sync/services.js';
import { PageHeader } from '../../ui/page-header.js';
import { PostForm } from './post-form.js';
import { durationText, nowIso } from './shift-format.js';
import { SlotForm } from './slot-form.js';
import { SlotRow } from './slot-row.js';
import { Stepper } from './stepper.js';
import { useShiftAction } from './use-shift-action.js';
import './shifts.css';

/**
 * Setting up a site's duty (route /shifts/site/:siteId/setup), leaders and
 * coordinators only: posts with their head counts, the day's slots, and the
 * rotation limit for outdoor posts. Works offline like everything else.
 */
export function SetupPage() {
  const { siteId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { db, session } = useServices();
  const setup = useLiveQuery(() => siteSetup(db, siteId), [db, siteId]);
  const { run, busy, error } = useShiftAction();
  const [limit, setLimit] = useState<number | null>(null);
  const shownLimit = limit ?? setup?.rotationLimitMinutes ?? DEFAULT_ROTATION_LIMIT_MINUTES;
  const lead = session.user.role !== 'volunteer';
  const lastEnd = setup?.slots.reduce((m, s) => Math.max(m, s.endMinute), 0) ?? 0;

  function update(
    post: ShiftPost,
    change: Partial<Pick<ShiftPost, 'needed' | 'place' | 'status'>>,
  ) {
    void run('updateShiftPost', {
      postId: post.id,
      name: post.name,
      needed: change.needed ?? post.needed,
      place: change.place ?? post.place,
      status: change.status ?? post.status,
    });
  }

  return (
    <div className="hj-page">
      <PageHeader
        title={t('shifts.setup.title', { site: setup?.site?.name ?? '' })}
        onBack={() => navigate(`/shifts/site/${siteId}`)}
        backLabel={t('nav.back')}
      />
      <div className="hj-content">
        {!lead ? <p className="hj-error">{t('shifts.board.leadersOnly')}</p> : null}
        {error ? (
          <p className="hj-error" role="alert" data-testid="setup-error">
            {error}
          </p>
        ) : null}
        <section className="hj-form" aria-labelledby="posts-title">
          <h2 className="hj-section-title" id="posts-title">
            {t('shifts.setup.posts')}
          </h2>
          {setup && setup.posts.length === 0 ? (
            <p className="hj-hint">{t('shifts.setup.noPosts')}</p>
          ) : null}
          <ul className="hj-list">
            {(setup?.posts ?? []).map((p) => (
              <li
                key={p.id}
                className="hj-shift-card"
                data-testid="setup-post"
                data-post-name={p.name}
                data-status={p.status}
              >
                <div className="hj-shift-post">
                  <span>{p.name}</span>
                  <span className="hj-tag">{t(`shifts.place.${p.place}`)}</span>
                  {p.status === 'closed' ? (
                    <span className="hj-tag">{t('shifts.setup.closed')}</span>
                  ) : null}
                </div>
                <Stepper
                  label={t('shifts.setup.needed')}
                  text={t('shifts.setup.people', { count: p.needed })}
                  testId={`setup-needed-${p.id}`}
                  minusLabel={t('shifts.setup.fewer')}
                  plusLabel={t('shifts.setup.more')}
                  minusDisabled={busy || p.needed <= 1}
                  plusDisabled={busy || p.needed >= 50}
                  onMinus={() => update(p, { needed: p.needed - 1 })}
                  onPlus={() => update(p, { needed: p.needed + 1 })}
                />
                <div className="hj-row">
                  <Button
                    className="hj-grow"
                    disabled={busy}
                    data-testid={`setup-place-${p.id}`}
                    onClick={() =>
                      update(p, { place: p.place === 'outdoor' ? 'indoor' : 'outdoor' })
                    }
                  >
                    {p.place === 'outdoor'
                      ? t('shifts.setup.makeIndoor')
                      : t('shifts.setup.makeOutdoor')}
                  </Button>
                  <Button
                    className="hj-grow"
                    disabled={busy}
                    color={p.status === 'open' ? 'danger' : 'primary'}
                    fill="outline"
                    data-testid={`setup-status-${p.id}`}
                    onClick={() => update(p, { status: p.status === 'open' ? 'closed' : 'open' })}
                  >
                    {p.status === 'open' ? t('shifts.setup.close') : t('shifts.setup.reopen')}
                  </Button>
                </div>
              </li>
            ))}
          </ul>
          <PostForm siteId={siteId} />
        </section>

        <section className="hj-form" aria-labelledby="slots-title">
          <h2 className="hj-section-title" id="slots-title">
            {t('shifts.setup.slots')}
          </h2>
          {setup && setup.slots.length === 0 ? (
            <p className="hj-hint">{t('shifts.setup.noSlots')}</p>
          ) : null}
          <ul className="hj-list">
            {(setup?.slots ?? []).map((s) => (
              <SlotRow key={s.id} slot={s} busy={busy} run={run} />
            ))}
          </ul>
          <SlotForm siteId={siteId} suggestedStart={lastEnd > 0 ? lastEnd : 8 * 60} />
        </section>

        <section className="hj-form" aria-labelledby="limit-title">
          <h2 className="hj-section-title" id="limit-title">
            {t('shifts.setup.limitTitle')}
          </h2>
          <p className="hj-hint">
            {t('shifts.setup.limitHint', { limit: DEFAULT_ROTATION_LIMIT_MINUTES })}
          </p>
          <Stepper
            label={t('shifts.setup.limit')}
            text={durationText(t, shownLimit)}
            testId="rotation-limit"
            minusLabel={t('shifts.setup.fewer')}
            plusLabel={t('shifts.setup.more')}
            minusDisabled={shownLimit <= MIN_ROTATION_LIMIT_MINUTES}
            plusDisabled={shownLimit >= MAX_ROTATION_LIMIT_MINUTES}
            onMinus={() => setLimit(Math.max(MIN_ROTATION_LIMIT_MINUTES, shownLimit - 15))}
            onPlus={() => setLimit(Math.min(MAX_ROTATION_LIMIT_MINUTES, shownLimit + 15))}
          />
          <Button
            block
            size="large"
            color="primary"
            loading={busy}
            disabled={limit === null || limit === setup?.rotationLimitMinutes}
            data-testid="rotation-save"
            onClick={() =>
              void run('setRotationLimit', { siteId, minutes: shownLimit, at: nowIso() }).then(
                (ok) => {
                  if (ok) setLimit(null);
                },
              )
            }
          >
            {t('shifts.setup.saveLimit')}
          </Button>
        </section>
      </div>
    </div>
  );
}

import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useLiveQuery } from '../../db/live-query.js';
import type { DaySummary } from '../../db/shift-summary-queries.js';
import { myDaySummary, siteDaySummary } from '../../db/shift-summary-queries.js';
import { useServices } from '../../sync/services.js';
import { PageHeader } from '../../ui/page-header.js';
import { durationText, slotText, timeOfDay } from './shift-format.js';
import { useNow } from './use-now.js';
import './shifts.css';

type Person = DaySummary['people'][number];

function postsText(t: TFunction, summary: DaySummary, p: Person): string {
  const names = p.postIds.map((id) => summary.posts.get(id)?.name ?? '').filter(Boolean);
  return names.length > 0 ? names.join('、') : t('shifts.summary.noPosts');
}

function Counts({ p }: { p: Person }) {
  const { t } = useTranslation();
  return (
    <span className="hj-card-meta">
      <span data-testid="summary-registrations">
        {t('shifts.summary.registrations', { count: p.registrations })}
      </span>
      <span data-testid="summary-doors">
        {t('shifts.summary.doors', { count: p.doorsVisited })}
      </span>
      <span data-testid="summary-tasks">{t('shifts.summary.tasks', { count: p.tasksDone })}</span>
    </span>
  );
}

/** The person's own day: hours (each check-in, a forgotten check-out marked), posts, work done. */
function MyDay({ summary }: { summary: DaySummary }) {
  const { t, i18n } = useTranslation();
  const p = summary.people[0];
  if (!p) return null;
  return (
    <>
      <section className="hj-campaign" data-testid="summary-me">
        <div className="hj-campaign-name">
          {t('shifts.summary.worked')}{' '}
          <span data-testid="summary-hours" data-minutes={Math.round(p.minutes)}>
            {durationText(t, p.minutes)}
          </span>
        </div>
        {p.byDay.length > 1
          ? p.byDay.map(([day, minutes]) => (
              <div key={day} className="hj-muted">
                {day}: {durationText(t, minutes)}
              </div>
            ))
          : null}
        <div className="hj-muted" data-testid="summary-posts">
          {t('shifts.summary.posts', { posts: postsText(t, summary, p) })}
        </div>
        <Counts p={p} />
      </section>
      {p.closedAtSlotEnd > 0 ? (
        <p className="hj-hint" data-testid="summary-auto-note">
          {t('shifts.summary.autoNote', { count: p.closedAtSlotEnd })}
        </p>
      ) : null}
      <ul className="hj-list">
        {p.spans.map((s) => {
          const slot = summary.slots.get(s.checkin.slotId);
          const post = s.checkin.postId ? summary.posts.get(s.checkin.postId)?.name : undefined;
          return (
            <li
              key={s.checkin.id}
              className="hj-shift-span"
              data-testid="summary-span"
              data-auto={String(s.closedAtSlotEnd)}
            >
              <span className="hj-result-name">
                {slot ? slotText(t, slot) : '—'}
                {post ? ` · ${post}` : ''}
              </span>
              <span className="hj-result-line">
                {timeOfDay(new Date(s.startMs).toISOString(), i18n.language)}–
                {s.ongoing
                  ? t('shifts.summary.now')
                  : timeOfDay(new Date(s.endMs).toISOString(), i18n.language)}{' '}
                · <span data-testid="summary-span-duration">{durationText(t, s.minutes)}</span>
              </span>
              {s.closedAtSlotEnd ? (
                <span className="hj-tag hj-shift-warn" data-testid="span-auto-closed">
                  {t('shifts.summary.autoClosed')}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** Per team, per person: hours, posts, work done; totals on top. */
function TeamDay({ summary }: { summary: DaySummary }) {
  const { t } = useTranslation();
  const total = summary.people.reduce((sum, p) => sum + p.minutes, 0);
  const worked = summary.people.filter((p) => p.minutes > 0).length;
  const teams = [...new Set(summary.people.map((p) => p.team))].sort();
  return (
    <>
      <section className="hj-campaign" data-testid="summary-team-totals">
        <div className="hj-campaign-name">
          {t('shifts.summary.teamTotal', { count: worked, time: durationText(t, total) })}
        </div>
        <div className="hj-muted">
          {t('shifts.summary.registrations', {
            count: summary.people.reduce((sum, p) => sum + p.registrations, 0),
          })}
        </div>
      </section>
      {teams.map((team) => (
        <section key={team} className="hj-form" aria-label={team || t('shifts.summary.noTeam')}>
          <h2 className="hj-section-title">{team || t('shifts.summary.noTeam')}</h2>
          <ul className="hj-list">
            {summary.people
              .filter((p) => p.team === team)
              .sort((a, b) => b.minutes - a.minutes || a.name.localeCompare(b.name, 'zh-CN'))
              .map((p) => (
                <li
                  key={p.userId}
                  className="hj-shift-span"
                  data-testid="summary-person"
                  data-user={p.userId}
                >
                  <span className="hj-result-name">
                    {p.name} ·{' '}
                    <span data-testid="summary-person-hours" data-minutes={Math.round(p.minutes)}>
                      {durationText(t, p.minutes)}
                    </span>
                    {p.onDutyNow ? ` · ${t('shifts.summary.onDutyNow')}` : ''}
                  </span>
                  <span className="hj-result-line">
                    {t('shifts.summary.posts', { posts: postsText(t, summary, p) })}
                  </span>
                  <Counts p={p} />
                  {p.closedAtSlotEnd > 0 ? (
                    <span className="hj-tag hj-shift-warn">
                      {t('shifts.summary.autoNote', { count: p.closedAtSlotEnd })}
                    </span>
                  ) : null}
                  {p.feverReadings > 0 ? (
                    <span className="hj-tag hj-shift-warn">
                      {t('shifts.summary.fever', { count: p.feverReadings })}
                    </span>
                  ) : null}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/**
 * The day summary: `/shifts/summary` is the person's own day;
 * `/shifts/site/:siteId/summary` is every team member of a site (leaders).
 * Hours come from the phones' clocks at check-in and check-out: durations only.
 */
export function SummaryPage() {
  const { siteId } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { db, session } = useServices();
  const now = useNow();
  const summary = useLiveQuery(
    () => (siteId ? siteDaySummary(db, siteId, now) : myDaySummary(db, session.userId, now)),
    [db, siteId, session.userId, now],
  );
  return (
    <div className="hj-page">
      <PageHeader
        title={siteId ? t('shifts.summary.team') : t('shifts.summary.mine')}
        onBack={() => navigate(siteId ? `/shifts/site/${siteId}` : '/shifts')}
        backLabel={t('nav.back')}
      />
      <div className="hj-content">
        {summary === null ? <p className="hj-hint">{t('sites.noCampaign')}</p> : null}
        {summary ? <p className="hj-hint">{summary.campaign.name}</p> : null}
        {summary && !siteId ? <MyDay summary={summary} /> : null}
        {summary && siteId ? <TeamDay summary={summary} /> : null}
        <p className="hj-hint">{t('shifts.summary.clockNote')}</p>
      </div>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { LedgerNode, ResidentCoverage } from '../../../shared/domain/coverage-ledger.js';
import { findNode, pathTo } from '../../../shared/domain/coverage-ledger.js';
import { coverageCampaign, siteLedgerFromDb } from '../../db/coverage-queries.js';
import { useLiveQuery } from '../../db/live-query.js';
import { useServices } from '../../sync/services.js';
import { ChoiceChips } from '../../ui/choice-chips.js';
import { PageHeader } from '../../ui/page-header.js';
import { CountsView } from './counts-view.js';
import { HouseholdActions } from './household-actions.js';
import { NoAccess } from './no-access.js';
import { useCoverageAccess } from './use-coverage-access.js';
import './coverage.css';

/** A village lane has one "unit": skip that step when drilling down. */
function skipSingleUnit(node: LedgerNode): LedgerNode {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  return node.kind === 'building' && only?.kind === 'unit' ? only : node;
}

function nodeName(t: (k: string) => string, node: LedgerNode): string {
  return node.kind === 'unplaced' ? t('coverage.unplaced') : node.name;
}

/** A person on the list; ID numbers masked to the last four, as every list (DESIGN). */
function Person({ person }: { person: ResidentCoverage }) {
  const { t } = useTranslation();
  const r = person.resident;
  return (
    <li className="cov-person" data-testid="coverage-person" data-status={person.status} data-resident={r.id}>
      <span className="hj-grow">
        <span className="hj-result-name">{r.name}</span>{' '}
        <span className="hj-muted">
          {r.idNumber ? `****${r.idLast4}` : t('coverage.noDocument')}
        </span>
        {r.phone ? (
          <>
            {' · '}
            <a href={`tel:${r.phone}`} className="hj-muted">
              {r.phone}
            </a>
          </>
        ) : null}
      </span>
      <span className="hj-tag" data-testid="coverage-person-status">
        {t(`coverage.status.${person.status}`)}
        {person.sampled ? ` · ${t('coverage.status.sampled')}` : ''}
      </span>
    </li>
  );
}

/**
 * A site's ledger, drilled down by URL (route /coverage/site/:siteId, and
 * /missing for "not one left out"; `?node=` is the building, unit,
 * household or employer open now). The missing view keeps only places and
 * people not yet seen; at a household it raises a revisit or a task in one tap.
 */
export function LedgerPage({ missing }: { missing: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { siteId = '' } = useParams();
  const [search] = useSearchParams();
  const { db } = useServices();
  const access = useCoverageAccess();
  const site = useLiveQuery(async () => (await db.synced('sites').get(siteId)) ?? null, [db, siteId]);
  const campaign = useLiveQuery(async () => coverageCampaign(db), [db]);
  const ledger = useLiveQuery(
    async () => (site && campaign ? siteLedgerFromDb(db, site, campaign.id) : null),
    [db, site, campaign?.id],
  );
  if (!access.canRead) return <NoAccess title={t('coverage.title')} />;

  const base = `/coverage/site/${siteId}${missing ? '/missing' : ''}`;
  const open = (node: LedgerNode) => navigate(`${base}?node=${encodeURIComponent(skipSingleUnit(node).id)}`);
  const wanted = search.get('node');
  const node = ledger ? ((wanted ? findNode(ledger, wanted) : null) ?? ledger) : null;
  const trail = ledger && node ? pathTo(ledger, node.id) : [];
  const children = node ? node.children.filter((c) => !missing || c.counts.notSeen > 0) : [];
  const people = node ? node.residents.filter((p) => !missing || p.status === 'not_seen') : [];
  const title = missing ? t('coverage.missingTitle') : t('coverage.ledgerTitle');

  return (
    <div className="hj-page">
      <PageHeader
        title={site ? `${site.name} · ${title}` : title}
        onBack={() => navigate(trail.length > 1 ? `${base}?node=${encodeURIComponent(trail[trail.length - 2]!.id)}` : '/coverage')}
        backLabel={t('nav.back')}
      />
      <div className="hj-content">
        <ChoiceChips
          label={t('coverage.viewLabel')}
          testId="coverage-view"
          options={[
            { value: 'all', label: t('coverage.viewAll') },
            { value: 'missing', label: t('coverage.viewMissing') },
          ]}
          value={missing ? 'missing' : 'all'}
          onChange={(v) =>
            navigate(`/coverage/site/${siteId}${v === 'missing' ? '/missing' : ''}${node ? `?node=${encodeURIComponent(node.id)}` : ''}`)
          }
        />
        {trail.length > 1 ? (
          <nav className="cov-crumbs" aria-label={t('coverage.where')}>
            {trail.slice(0, -1).map((n) => (
              <button key={n.id} type="button" onClick={() => navigate(`${base}?node=${encodeURIComponent(n.id)}`)}>
                {n.kind === 'site' ? (site?.name ?? '') : nodeName(t, n)}
              </button>
            ))}
          </nav>
        ) : null}
        {site === null ? (
          <p className="hj-error" role="alert">
            {t('station.siteMissing')}
          </p>
        ) : null}
        {node ? (
          <section className="hj-form" aria-labelledby="coverage-node">
            <h2 className="hj-section-title" id="coverage-node" data-testid="coverage-node-name">
              {node.kind === 'site' ? (site?.name ?? '') : nodeName(t, node)}
            </h2>
            <CountsView counts={node.counts} testId="coverage-node-counts" />
            {node.kind === 'household' && node.door ? (
              <p className="hj-flush" data-testid="coverage-door">
                {t('coverage.doorLine', { status: t(`coverage.door.${node.door}`) })}
              </p>
            ) : null}
            {node.kind === 'household' && node.counts.notSeen > 0 && site && campaign ? (
              <HouseholdActions
                siteId={site.id}
                householdId={node.id}
                names={node.residents.filter((p) => p.status === 'not_seen').map((p) => p.resident.name)}
              />
            ) : null}
          </section>
        ) : (
          <p className="hj-hint">{t('sites.loading')}</p>
        )}
        {node && missing && node.counts.notSeen === 0 ? (
          <p className="hj-flush cov-done" data-testid="coverage-all-seen">
            {t('coverage.noneMissing')}
          </p>
        ) : null}
        {children.length > 0 ? (
          <ul className="hj-list" data-testid="coverage-children">
            {children.map((child) => (
              <li key={child.id}>
                <button
                  type="button"
                  className="hj-card"
                  data-testid="coverage-child"
                  data-node={child.id}
                  onClick={() => open(child)}
                >
                  <span className="hj-card-title">
                    {nodeName(t, child)}
                    {child.kind === 'employer' ? ` · ${t('coverage.employer')}` : ''}
                  </span>
                  {child.door ? <span className="hj-card-meta">{t(`coverage.door.${child.door}`)}</span> : null}
                  <CountsView counts={child.counts} />
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {people.length > 0 ? (
          <ul className="hj-list" data-testid="coverage-people">
            {people.map((p) => (
              <Person key={p.resident.id} person={p} />
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}

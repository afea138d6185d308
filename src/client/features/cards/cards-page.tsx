import { Button } from 'antd-mobile';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { maskName, residentQrPayload } from '../../../shared/domain/resident-card.js';
import { cardPeople, siteBuildings } from '../../db/household-queries.js';
import { useLiveQuery } from '../../db/live-query.js';
import { mySites } from '../../db/station-queries.js';
import { useServices } from '../../sync/services.js';
import { ChoiceChips } from '../../ui/choice-chips.js';
import { PageHeader } from '../../ui/page-header.js';
import { QrSvg } from './qr-svg.js';
import './cards.css';

/**
 * Printable QR cards for residents without a smartphone (route
 * /site/:siteId/cards?building=… or ?household=…): A4, eight cards a page,
 * each with the name masked to the surname, the document's last 4, the
 * household address and a QR code the station's scanner reads. Works from a
 * phone or a desktop: the browser's print (or "save as PDF") does the rest.
 */
export function CardsPage() {
  const { siteId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const { t } = useTranslation();
  const { db } = useServices();
  const householdId = params.get('household');
  const buildingParam = params.get('building');
  const site = useLiveQuery(
    async () => (await db.synced('sites').get(siteId)) ?? null,
    [db, siteId],
  );
  const buildings = useLiveQuery(() => siteBuildings(db, siteId), [db, siteId]);
  const buildingId = householdId ? null : (buildingParam ?? buildings?.[0]?.id ?? null);
  const people = useLiveQuery(
    () => cardPeople(db, siteId, { householdId, buildingId }),
    [db, siteId, householdId, buildingId],
  );

  // Only the cards are printed: the app's bars and this page's buttons are hidden on paper.
  useEffect(() => {
    document.body.classList.add('hj-printing-cards');
    return () => document.body.classList.remove('hj-printing-cards');
  }, []);

  return (
    <div className="hj-page">
      <div className="hj-noprint">
        <PageHeader
          title={t('qrCards.title', { site: site?.name ?? '' })}
          onBack={() =>
            navigate(householdId ? `/site/${siteId}/household/${householdId}` : `/site/${siteId}`)
          }
          backLabel={t('nav.back')}
        />
        <div className="hj-content">
          {!householdId && buildings && buildings.length > 0 ? (
            <ChoiceChips
              label={t('householdReg.building')}
              testId="cards-building"
              options={buildings.map((b) => ({ value: b.id, label: b.name }))}
              value={buildingId}
              onChange={(id) => setParams({ building: id }, { replace: true })}
            />
          ) : null}
          <p className="hj-hint" data-testid="cards-count" data-count={people?.length ?? 0}>
            {t('qrCards.count', {
              count: people?.length ?? 0,
              pages: Math.ceil((people?.length ?? 0) / 8),
            })}
          </p>
          <Button
            block
            size="large"
            color="primary"
            data-testid="cards-print"
            disabled={!people || people.length === 0}
            onClick={() => window.print()}
          >
            {t('qrCards.print')}
          </Button>
          <p className="hj-hint">{t('qrCards.hint')}</p>
        </div>
      </div>
      <div className="hj-cards" data-testid="cards-sheet">
        {(people ?? []).map(({ resident, address }) => (
          <article key={resident.id} className="hj-qr-card" data-testid="qr-card">
            <div className="hj-qr-card-text">
              <div className="hj-qr-card-name" data-testid="qr-card-name">
                {maskName(resident.name)}
              </div>
              <div className="hj-qr-card-line">
                {resident.idLast4
                  ? t('qrCards.idTail', { tail: resident.idLast4 })
                  : t('qrCards.noDocument')}
              </div>
              <div className="hj-qr-card-line">{address}</div>
              <div className="hj-qr-card-foot">{t('qrCards.foot')}</div>
            </div>
            <QrSvg text={residentQrPayload(resident.id)} label={t('qrCards.qrLabel')} />
          </article>
        ))}
      </div>
    </div>
  );
}

/** Route /cards (from Settings): choose the site whose cards to print. */
export function CardSitesPage() {
  const navigate = useNavigate();
  const { t } = useTranslation();
  const { db } = useServices();
  const sites = useLiveQuery(() => mySites(db), [db]);
  return (
    <div className="hj-page">
      <PageHeader
        title={t('qrCards.pickSite')}
        onBack={() => navigate('/settings')}
        backLabel={t('nav.back')}
      />
      <div className="hj-content">
        <ul className="hj-list">
          {(sites ?? []).map((site) => (
            <li key={site.id}>
              <button
                type="button"
                className="hj-card"
                data-testid={`cards-site-${site.id}`}
                onClick={() => navigate(`/site/${site.id}/cards`)}
              >
                <span className="hj-card-title">{site.name}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

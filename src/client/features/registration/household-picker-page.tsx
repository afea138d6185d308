import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { buildingHouseholds, siteBuildings } from '../../db/household-queries.js';
import { useLiveQuery } from '../../db/live-query.js';
import { activeCampaign } from '../../db/station-queries.js';
import { useServices } from '../../sync/services.js';
import { ChoiceChips } from '../../ui/choice-chips.js';
import { PageHeader } from '../../ui/page-header.js';
import { TextField } from '../../ui/text-field.js';
import './station.css';

/**
 * Pick a household from the roster (route /site/:siteId/households): a
 * building (or village lane) with one tap, then the door. Each door shows how
 * many of its people are registered today.
 */
export function HouseholdPickerPage() {
  const { siteId = '' } = useParams();
  const navigate = useNavigate();
  const { t } = useTranslation();
  const { db } = useServices();
  const [buildingId, setBuildingId] = useState<string | null>(null);
  const [filter, setFilter] = useState('');

  const campaign = useLiveQuery(async () => (await activeCampaign(db)) ?? null, [db]);
  const buildings = useLiveQuery(() => siteBuildings(db, siteId), [db, siteId]);
  const chosen = buildingId ?? buildings?.[0]?.id ?? null;
  const households = useLiveQuery(
    async () => (chosen ? buildingHouseholds(db, siteId, chosen, campaign?.id ?? null) : []),
    [db, siteId, chosen, campaign?.id],
  );
  const needle = filter.trim();
  const shown = (households ?? []).filter(
    (h) =>
      needle === '' || h.household.address.includes(needle) || h.household.room.includes(needle),
  );

  return (
    <div className="hj-page">
      <PageHeader
        title={t('householdReg.pickTitle')}
        onBack={() => navigate(`/site/${siteId}`)}
        backLabel={t('nav.back')}
      />
      <div className="hj-content">
        {buildings && buildings.length > 0 ? (
          <ChoiceChips
            label={t('householdReg.building')}
            testId="building-pick"
            options={buildings.map((b) => ({ value: b.id, label: b.name }))}
            value={chosen}
            onChange={setBuildingId}
          />
        ) : (
          <p className="hj-hint">{t('householdReg.noBuildings')}</p>
        )}
        <TextField
          id="household-filter"
          testId="household-filter"
          label={t('householdReg.filter')}
          placeholder={t('householdReg.filterPlaceholder')}
          inputMode="numeric"
          maxLength={20}
          value={filter}
          onChange={setFilter}
        />
        {chosen ? (
          <Button
            block
            fill="outline"
            data-testid="print-building-cards"
            onClick={() => navigate(`/site/${siteId}/cards?building=${chosen}`)}
          >
            {t('householdReg.printBuilding')}
          </Button>
        ) : null}
        <ul className="hj-list">
          {shown.map(({ household, members, registered }) => (
            <li key={household.id}>
              <button
                type="button"
                className="hj-card"
                data-testid="household-card"
                data-household-id={household.id}
                onClick={() => navigate(`/site/${siteId}/household/${household.id}`)}
              >
                <span className="hj-card-title">{household.address}</span>
                <span className="hj-card-meta">
                  <span>{t('householdReg.members', { count: members })}</span>
                  <span className="hj-count">
                    {t('householdReg.registeredOf', { registered, members })}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { DocumentLine } from './document-line.js';
import type { ResidentRow } from './station-data.js';

export interface ResidentResultsProps {
  q: string;
  rows: ResidentRow[] | undefined;
  onRegister: (row: ResidentRow) => void;
  /** Register the whole household instead (issue 4): shown for residents who have one. */
  onHousehold?: (row: ResidentRow) => void;
}

/** Search results: who they are (ID masked), where they live, and one big button. */
export function ResidentResults({ q, rows, onRegister, onHousehold }: ResidentResultsProps) {
  const { t } = useTranslation();
  if (q.trim() === '') return <p className="hj-hint">{t('station.searchHint')}</p>;
  if (rows === undefined) return <p className="hj-hint">{t('station.searching')}</p>;
  if (rows.length === 0) {
    return (
      <p className="hj-hint" data-testid="no-results" role="status">
        {t('station.noResults', { q: q.trim() })}
      </p>
    );
  }
  return (
    <ul className="hj-list" aria-label={t('station.searchLabel')}>
      {rows.map((row) => {
        const { resident, registration } = row;
        const tagId = `reg-tag-${resident.id}`;
        return (
          <li
            key={resident.id}
            className="hj-result"
            data-testid="resident-result"
            data-resident-id={resident.id}
            data-registered={registration ? 'true' : 'false'}
          >
            <div className="hj-grow">
              <div className="hj-name-line">
                <span className="hj-result-name">{resident.name}</span>
                {registration ? (
                  <span className="hj-tag" id={tagId} data-testid="registered-tag">
                    {t('station.registeredTag', { queueNumber: registration.queueNumber })}
                  </span>
                ) : null}
              </div>
              <DocumentLine resident={resident} />
              {row.place ? <div className="hj-result-line">{row.place}</div> : null}
              {onHousehold && resident.householdId ? (
                <Button
                  size="small"
                  fill="outline"
                  className="hj-household-button"
                  data-testid="household-button"
                  onClick={() => onHousehold(row)}
                >
                  {t('householdReg.wholeHousehold')}
                </Button>
              ) : null}
            </div>
            <Button
              color={registration ? 'default' : 'primary'}
              className={registration ? 'hj-dimmed' : undefined}
              data-testid="register-button"
              aria-describedby={registration ? tagId : undefined}
              onClick={() => onRegister(row)}
            >
              {t('station.register')}
            </Button>
          </li>
        );
      })}
    </ul>
  );
}

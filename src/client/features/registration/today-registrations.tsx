import { Button } from 'antd-mobile';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { RegistrationView } from '../../db/station-queries.js';
import { DocumentLine } from './document-line.js';

const FIRST = 20;

export interface TodayRegistrationsProps {
  views: RegistrationView[] | undefined;
  /** Tap a registration to void it. */
  onSelect: (view: RegistrationView) => void;
}

/** Today's registrations at this site, latest first, with the count people ask for. */
export function TodayRegistrations({ views, onSelect }: TodayRegistrationsProps) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const list = views ?? [];
  const count = list.filter((v) => v.registration.status === 'registered').length;
  const shown = all ? list : list.slice(0, FIRST);
  return (
    <section aria-labelledby="today-title" className="hj-form">
      <h2 className="hj-section-title" id="today-title">
        {t('station.todayTitle')}
      </h2>
      <p className="hj-today hj-flush">
        <Trans
          i18nKey="station.todayCount"
          values={{ count }}
          components={{ n: <span data-testid="today-count" /> }}
        />
      </p>
      {list.length === 0 ? <p className="hj-hint">{t('station.noRegistrations')}</p> : null}
      <ul className="hj-list">
        {shown.map(({ registration, resident }) => (
          <li key={registration.id}>
            <button
              type="button"
              className="hj-reg-row"
              data-testid="registration-row"
              data-status={registration.status}
              disabled={registration.status !== 'registered'}
              onClick={() => onSelect({ registration, resident })}
            >
              <span className="hj-reg-number">{registration.queueNumber}</span>
              <span className="hj-grow">
                <span className="hj-result-name">{resident?.name ?? '—'}</span>
                <DocumentLine resident={resident} as="span" />
              </span>
              {registration.status === 'voided' ? (
                <span className="hj-tag">{t('station.voidedTag')}</span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
      {!all && list.length > FIRST ? (
        <Button block data-testid="today-show-all" onClick={() => setAll(true)}>
          {t('station.showAll', { count: list.length })}
        </Button>
      ) : null}
    </section>
  );
}

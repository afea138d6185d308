import { useTranslation } from 'react-i18next';
import type { DoorRow } from '../../db/door-queries.js';
import { formatAgo } from './door-text.js';

/**
 * Doors in walking order, under a heading per building and unit: the room,
 * its status, how long since the last visit, and who lives there — the ones
 * not registered yet marked. One tap opens the door's page.
 */
export function DoorList({
  rows,
  list,
  onOpen,
}: {
  rows: DoorRow[];
  list: 'mine' | 'all' | 'revisit';
  onOpen: (row: DoorRow) => void;
}) {
  const { t, i18n } = useTranslation();
  const now = new Date();
  let lastGroup = '';
  return (
    <ul className="hj-list" data-testid={`door-list-${list}`}>
      {rows.map((row) => {
        const group = `${row.building.id}/${row.unit.id}`;
        const heading = group !== lastGroup;
        lastGroup = group;
        const status = row.derived.status ?? 'none';
        return (
          <li key={row.household.id}>
            {heading ? (
              <h2 className="hj-door-group" id={`door-unit-${row.unit.id}`}>
                {row.building.name} · {row.unit.name}
              </h2>
            ) : null}
            <button
              type="button"
              className="hj-door-row"
              data-testid="door-row"
              data-household-id={row.household.id}
              data-status={status}
              data-requested={String(row.revisitRequest !== null)}
              onClick={() => onOpen(row)}
            >
              <span className="hj-door-room">{row.household.room}</span>
              <span className="hj-grow">
                <span className="hj-door-line">
                  <span
                    className="hj-door-status"
                    data-status={status}
                    data-testid="door-row-status"
                  >
                    {t(`door.status.${status}`)}
                  </span>
                  {row.revisitRequest ? (
                    <span className="hj-door-requested" data-testid="door-row-requested">
                      {t('door.revisitRequested')}
                    </span>
                  ) : null}
                  {row.derived.lastAt ? (
                    <span className="hj-small">
                      {formatAgo(row.derived.lastAt, i18n.language, now)}
                    </span>
                  ) : null}
                </span>
                <span className="hj-door-members">
                  {row.members.length === 0 ? (
                    <span className="hj-small">{t('door.noMembers')}</span>
                  ) : (
                    row.members.map((m) => (
                      <span
                        key={m.resident.id}
                        className="hj-door-member"
                        data-registered={String(m.registered)}
                      >
                        {m.resident.name}
                        {m.registered ? '' : ` · ${t('door.unregisteredShort')}`}
                      </span>
                    ))
                  )}
                </span>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

import { useTranslation } from 'react-i18next';
import type { BoardTile, StateCounts } from '../../../shared/domain/household-board.js';
import { BOARD_STATES } from '../../../shared/domain/household-board.js';
import { buildingBoard } from '../../db/building-board-queries.js';
import { useLiveQuery } from '../../db/live-query.js';
import { useServices } from '../../sync/services.js';
import './board.css';

/** Each state with its count, in the legend order; states with none are kept (the legend is fixed). */
function Legend({ states, testId }: { states: StateCounts; testId?: string }) {
  const { t } = useTranslation();
  return (
    <ul className="bb-legend" aria-label={t('board.legend')} data-testid={testId}>
      {BOARD_STATES.map((s) => (
        <li key={s} className="bb-legend-item" data-state={s} data-count={states[s]}>
          <span className="bb-swatch" data-state={s} aria-hidden="true" />
          {t(`board.states.${s}`)} <strong>{states[s]}</strong>
        </li>
      ))}
    </ul>
  );
}

function Tile({ tile, onOpen }: { tile: BoardTile; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const label = t('board.tileLabel', {
    address: tile.address,
    state: t(`board.states.${tile.state}`),
    registered: tile.counts.registered,
    roster: tile.counts.roster,
  });
  return (
    <li>
      <button
        type="button"
        className="bb-tile"
        data-state={tile.state}
        data-testid="board-tile"
        data-household={tile.householdId}
        aria-label={label}
        title={label}
        onClick={() => onOpen(tile.householdId)}
      >
        <span className="bb-room">{tile.room}</span>
        <span className="bb-count">
          {tile.counts.registered}/{tile.counts.roster}
        </span>
      </button>
    </li>
  );
}

/**
 * A site's building board (楼栋图): buildings → units → households as tiles
 * coloured by state, with counts per site, building and unit. Reads only the
 * phone's synced rows (works offline, updates as pulls land). `onOpen` gets a
 * household id: the phone opens the door screen, the console the same.
 */
export function BuildingBoardView({
  siteId,
  onOpen,
}: {
  siteId: string;
  onOpen: (householdId: string) => void;
}) {
  const { t } = useTranslation();
  const { db } = useServices();
  const data = useLiveQuery(() => buildingBoard(db, siteId), [db, siteId]);
  if (data === undefined) return <p className="hj-hint">{t('sites.loading')}</p>;
  if (data === null) {
    return (
      <p className="hj-error" role="alert">
        {t('board.siteMissing')}
      </p>
    );
  }
  const { board } = data;
  return (
    <div className="bb-board" data-testid="building-board" data-households={board.households}>
      <Legend states={board.states} testId="board-legend" />
      {board.buildings.length === 0 ? <p className="hj-hint">{t('board.noBuildings')}</p> : null}
      {board.buildings.map((b) => (
        <section
          key={b.id}
          className="bb-building"
          aria-labelledby={`bb-${b.id}`}
          data-testid="board-building"
          data-building={b.id}
        >
          <h2 className="bb-building-name" id={`bb-${b.id}`}>
            {b.name}{' '}
            <span className="bb-muted">
              {t('board.households', {
                count: b.units.reduce((n, u) => n + u.tiles.length, 0),
              })}
            </span>
          </h2>
          {b.units.map((u) => (
            <div key={u.id} className="bb-unit">
              {b.units.length > 1 ? <h3 className="bb-unit-name">{u.name}</h3> : null}
              <ul className="bb-tiles" aria-label={`${b.name} ${u.name}`}>
                {u.tiles.map((tile) => (
                  <Tile key={tile.householdId} tile={tile} onOpen={onOpen} />
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { BatchItem } from '../../../shared/domain/batch.js';
import { placeNames } from '../../db/door-queries.js';
import { useLiveQuery } from '../../db/live-query.js';
import { useServices } from '../../sync/services.js';
import { batchLabel } from './door-text.js';

/** "正在叫：第 2 批 · 3号楼 1–2单元" — the batch a leader called last at a site. */
export function NowCalling({
  siteId,
  siteName,
  seq,
  items,
}: {
  siteId: string;
  siteName?: string;
  seq: number;
  items: BatchItem[];
}) {
  const { t } = useTranslation();
  const { db } = useServices();
  const names = useLiveQuery(() => placeNames(db, siteId), [db, siteId]);
  const label = names
    ? batchLabel(items, names.buildings, names.units, {
        units: t('door.unitSeparator'),
        buildings: t('door.buildingSeparator'),
      })
    : '';
  return (
    <section
      className="hj-now-calling"
      role="status"
      data-testid="now-calling"
      data-site={siteId}
      data-seq={seq}
    >
      <div className="hj-now-calling-title">
        {siteName ? `${siteName} · ` : ''}
        {t('door.nowCalling', { seq })}
      </div>
      <div className="hj-now-calling-places" data-testid="now-calling-places">
        {label}
      </div>
    </section>
  );
}

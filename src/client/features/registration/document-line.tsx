import { useTranslation } from 'react-i18next';
import type { Resident } from '../../../shared/domain/resident.js';
import { documentLine } from './resident-line.js';

/**
 * The masked document in a list, its last four characters large: they are
 * what a volunteer reads against the card in a person's hand (issue 17).
 */
export function DocumentLine({
  resident,
  as: Tag = 'div',
}: {
  resident: Resident | undefined;
  as?: 'div' | 'span' | 'p';
}) {
  const { t } = useTranslation();
  const line = documentLine(t, resident);
  if (!resident?.idNumber || line.length <= 4) {
    return <Tag className="hj-result-line">{line}</Tag>;
  }
  return (
    <Tag className="hj-result-line hj-doc-line" data-testid="id-line">
      {line.slice(0, -4)}
      <span className="hj-id-tail" data-testid="id-tail">
        {line.slice(-4)}
      </span>
    </Tag>
  );
}

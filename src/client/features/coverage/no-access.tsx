import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../ui/page-header.js';

/** A volunteer who reached a leader's screen by URL: say so, offer the way back. */
export function NoAccess({ title }: { title: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="hj-page">
      <PageHeader title={title} onBack={() => navigate('/settings')} backLabel={t('nav.back')} />
      <div className="hj-content">
        <p className="hj-error" role="alert" data-testid="coverage-no-access">
          {t('coverage.noAccess')}
        </p>
      </div>
    </div>
  );
}

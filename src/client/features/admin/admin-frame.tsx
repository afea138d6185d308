import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useServices } from '../../sync/services.js';
import { PageHeader } from '../../ui/page-header.js';
import type { AdminTab } from './admin-tabs.js';
import { AdminTabs } from './admin-tabs.js';
import './admin.css';

/** The frame of every administration screen: coordinators only (the server checks too). */
export function AdminFrame({
  tab,
  error,
  children,
}: {
  tab: AdminTab;
  error: string | null;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session } = useServices();
  const allowed = session.user.role === 'coordinator';
  return (
    <div className="hj-page">
      <PageHeader
        title={t('admin.title')}
        onBack={() => navigate('/settings')}
        backLabel={t('nav.back')}
      />
      <div className="hj-content">
        {allowed ? (
          <>
            <AdminTabs current={tab} />
            {error ? (
              <p className="hj-error" role="alert" data-testid="admin-error">
                {error}
              </p>
            ) : null}
            {children}
          </>
        ) : (
          <p className="hj-error" role="alert" data-testid="admin-no-access">
            {t('admin.noAccess')}
          </p>
        )}
      </div>
    </div>
  );
}

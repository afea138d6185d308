import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The dashboard's code (the chart) is a chunk of its own, loaded only when
 * this screen opens; the service worker precaches it with the rest, so it
 * still opens offline.
 */
const DashboardPage = lazy(async () => ({
  default: (await import('./dashboard-page.js')).DashboardPage,
}));

function Loading() {
  const { t } = useTranslation();
  return <div className="loading">{t('app.loading')}</div>;
}

export function DashboardRoute() {
  return (
    <Suspense fallback={<Loading />}>
      <DashboardPage />
    </Suspense>
  );
}

import { Suspense, lazy } from 'react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';

/** The building board the app hands in (features never import each other: app/ joins them). */
export type BoardComponent = ComponentType<{
  siteId: string;
  onOpen: (householdId: string) => void;
}>;

// antd and echarts load only here, on console routes, so a volunteer's first screen (and the
// phone app) does not grow; the service worker precaches the chunks, so the console works offline.
const ConsoleApp = lazy(() => import('./console-app.js').then((m) => ({ default: m.ConsoleApp })));

/** Route /console/*: the command post's desktop console (issue 15). */
export function ConsoleRoute({ board }: { board: BoardComponent }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<div className="loading">{t('app.loading')}</div>}>
      <ConsoleApp board={board} />
    </Suspense>
  );
}

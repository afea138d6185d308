import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';

export interface UpdateBannerProps {
  onReload: () => void;
  onLater: () => void;
}

/**
 * A new version is waiting. It never reloads by itself: the person chooses
 * when, so a registration in progress is never interrupted.
 */
export function UpdateBanner({ onReload, onLater }: UpdateBannerProps) {
  const { t } = useTranslation();
  return (
    <aside className="hj-update" role="status" data-testid="update-banner">
      <div>
        <div className="hj-update-title">{t('app.updateReady')}</div>
        <p className="hj-hint">{t('app.updateHint')}</p>
      </div>
      <div className="hj-row">
        <Button color="primary" data-testid="update-reload" onClick={onReload}>
          {t('app.reload')}
        </Button>
        <Button data-testid="update-later" onClick={onLater}>
          {t('app.later')}
        </Button>
      </div>
    </aside>
  );
}

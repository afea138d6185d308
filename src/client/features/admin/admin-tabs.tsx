import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ChoiceChips } from '../../ui/choice-chips.js';

export type AdminTab = 'accounts' | 'teams' | 'rounds';
const PATHS: Record<AdminTab, string> = {
  accounts: '/admin',
  teams: '/admin/teams',
  rounds: '/admin/rounds',
};

/** The three administration screens, one tap apart. */
export function AdminTabs({ current }: { current: AdminTab }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <ChoiceChips
      label={t('admin.title')}
      testId="admin-tabs"
      options={(['accounts', 'teams', 'rounds'] as const).map((tab) => ({
        value: tab,
        label: t(`admin.tab.${tab}`),
      }))}
      value={current}
      onChange={(tab) => navigate(PATHS[tab])}
    />
  );
}

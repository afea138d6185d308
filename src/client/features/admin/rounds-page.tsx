import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nextRoundResponseSchema } from '../../../shared/protocol/admin.js';
import { useServices } from '../../sync/services.js';
import { ChoiceChips } from '../../ui/choice-chips.js';
import { TextField } from '../../ui/text-field.js';
import { AdminFrame } from './admin-frame.js';
import { useAdmin } from './use-admin.js';

/** The day after `day` (`YYYY-MM-DD`), the usual next round. */
function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Rounds (route /admin/rounds, coordinators, online): every campaign with
 * its status (close or reopen in one tap), and a new round from an earlier
 * one — same sites, roster and teams, everyone moved to it, the earlier round
 * closed — in one server transaction.
 */
export function RoundsPage() {
  const { t } = useTranslation();
  const { syncNow } = useServices();
  const { data, error, busy, run } = useAdmin();
  const campaigns = data?.structure.campaigns ?? [];
  const [fromId, setFromId] = useState<string | null>(null);
  const from = campaigns.find((c) => c.id === fromId) ?? campaigns[0] ?? null;
  const [name, setName] = useState('');
  const [day, setDay] = useState('');
  const [closePrevious, setClosePrevious] = useState(true);
  const [made, setMade] = useState<string | null>(null);

  async function create() {
    if (!from) return;
    const result = await run('/api/admin/campaigns/next-round', {
      fromCampaignId: from.id,
      name,
      day: day || nextDay(from.day),
      closePrevious,
    });
    if (!result.ok) return;
    const round = nextRoundResponseSchema.parse(result.body);
    setMade(
      t('admin.rounds.created', {
        residents: round.copied.residents ?? 0,
        sites: round.copied.sites ?? 0,
      }),
    );
    setName('');
    void syncNow();
  }

  return (
    <AdminFrame tab="rounds" error={error}>
      {data ? (
        <>
          <ul className="hj-list">
            {campaigns.map((c) => (
              <li
                key={c.id}
                className="hja-item"
                data-testid="admin-round"
                data-campaign={c.id}
                data-status={c.status}
              >
                <span className="hja-item-title">{c.name}</span>
                <span className="hj-muted">
                  {c.day} · {c.town} · {t(`coverage.campaignStatus.${c.status}`)}
                </span>
                <Button
                  fill="outline"
                  color={c.status === 'active' ? 'danger' : 'primary'}
                  loading={busy}
                  data-testid="admin-round-status"
                  onClick={() =>
                    void run('/api/admin/campaigns/status', {
                      campaignId: c.id,
                      status: c.status === 'active' ? 'closed' : 'active',
                    })
                  }
                >
                  {c.status === 'active' ? t('admin.rounds.close') : t('admin.rounds.reopen')}
                </Button>
              </li>
            ))}
          </ul>
          {from ? (
            <section className="hj-form" aria-labelledby="admin-new-round">
              <h2 className="hj-section-title" id="admin-new-round">
                {t('admin.rounds.new')}
              </h2>
              <ChoiceChips
                label={t('admin.rounds.from')}
                testId="admin-round-from"
                options={campaigns.map((c) => ({ value: c.id, label: `${c.name} (${c.day})` }))}
                value={from.id}
                onChange={setFromId}
              />
              <TextField
                id="admin-round-name"
                testId="admin-round-name"
                label={t('admin.rounds.name')}
                value={name}
                onChange={setName}
                maxLength={100}
                placeholder={t('admin.rounds.namePlaceholder')}
              />
              <div className="hj-field">
                <label className="hj-label" htmlFor="admin-round-day">
                  {t('admin.rounds.day')}
                </label>
                <input
                  id="admin-round-day"
                  className="hj-input"
                  type="date"
                  data-testid="admin-round-day"
                  value={day || nextDay(from.day)}
                  onChange={(e) => setDay(e.target.value)}
                />
              </div>
              <label className="hja-check">
                <input
                  type="checkbox"
                  checked={closePrevious}
                  onChange={(e) => setClosePrevious(e.target.checked)}
                />
                {t('admin.rounds.closePrevious')}
              </label>
              <p className="hj-hint">{t('admin.rounds.hint')}</p>
              <Button
                block
                size="large"
                color="primary"
                loading={busy}
                disabled={name.trim() === ''}
                data-testid="admin-round-create"
                onClick={() => void create()}
              >
                {t('admin.rounds.create')}
              </Button>
              {made ? (
                <p className="hj-flush" role="status" data-testid="admin-round-done">
                  {made}
                </p>
              ) : null}
            </section>
          ) : null}
        </>
      ) : error ? null : (
        <p className="hj-hint">{t('app.loading')}</p>
      )}
    </AdminFrame>
  );
}

import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site } from '../../../shared/domain/site.js';
import type { StructureResponse } from '../../../shared/protocol/admin.js';
import { ChoiceChips } from '../../ui/choice-chips.js';
import { TextField } from '../../ui/text-field.js';
import { AdminFrame } from './admin-frame.js';
import { useAdmin } from './use-admin.js';

type Run = ReturnType<typeof useAdmin>['run'];

function NewSite({ campaignId, run, busy }: { campaignId: string; run: Run; busy: boolean }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [kind, setKind] = useState<Site['kind']>('village');
  const [pool, setPool] = useState<'1' | '5' | '10' | '20'>('10');
  return (
    <section className="hj-form" aria-labelledby="admin-new-site">
      <h2 className="hj-section-title" id="admin-new-site">
        {t('admin.teams.newSite')}
      </h2>
      <TextField
        id="admin-site-name"
        testId="admin-site-name"
        label={t('admin.teams.siteName')}
        value={name}
        onChange={setName}
        maxLength={100}
      />
      <TextField
        id="admin-site-address"
        testId="admin-site-address"
        label={t('admin.teams.siteAddress')}
        value={address}
        onChange={setAddress}
        maxLength={200}
      />
      <ChoiceChips
        label={t('admin.teams.siteKind')}
        testId="admin-site-kind"
        options={(['village', 'compound', 'employer'] as const).map((k) => ({
          value: k,
          label: t(`sites.kind.${k}`),
        }))}
        value={kind}
        onChange={setKind}
      />
      <ChoiceChips
        label={t('admin.teams.pool')}
        testId="admin-site-pool"
        options={(['1', '5', '10', '20'] as const).map((p) => ({
          value: p,
          label: t('admin.teams.poolN', { n: p }),
        }))}
        value={pool}
        onChange={setPool}
      />
      <Button
        block
        color="primary"
        loading={busy}
        disabled={name.trim() === ''}
        data-testid="admin-site-save"
        onClick={async () => {
          const result = await run('/api/admin/sites', {
            campaignId,
            name,
            kind,
            address,
            poolSize: Number(pool),
          });
          if (result.ok) {
            setName('');
            setAddress('');
          }
        }}
      >
        {t('admin.teams.createSite')}
      </Button>
    </section>
  );
}

function TeamCard({
  team,
  sites,
  linked,
  run,
  busy,
}: {
  team: StructureResponse['teams'][number];
  sites: Site[];
  linked: Set<string>;
  run: Run;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const toggle = (siteId: string) => {
    const next = linked.has(siteId)
      ? [...linked].filter((id) => id !== siteId)
      : [...linked, siteId];
    void run('/api/admin/teams/sites', { teamId: team.id, siteIds: next });
  };
  return (
    <li className="hja-item" data-testid="admin-team" data-team={team.id}>
      <span className="hja-item-title">{team.name}</span>
      <span className="hj-hint">{t('admin.teams.sitesHint')}</span>
      <div
        className="hj-chips"
        role="group"
        aria-label={t('admin.teams.sitesOf', { team: team.name })}
      >
        {sites.map((s) => (
          <button
            key={s.id}
            type="button"
            className="hj-chip"
            aria-pressed={linked.has(s.id)}
            disabled={busy}
            data-testid={`admin-team-site-${s.id}`}
            onClick={() => toggle(s.id)}
          >
            {s.name}
          </button>
        ))}
      </div>
    </li>
  );
}

/**
 * Teams and their sites (route /admin/teams, coordinators, online): for the
 * chosen round, each team with its sites as one-tap toggles (members' phones
 * get or lose the site at their next sync), a new team, a new site.
 */
export function TeamsPage() {
  const { t } = useTranslation();
  const { data, error, busy, run } = useAdmin();
  const [chosen, setChosen] = useState<string | null>(null);
  const [teamName, setTeamName] = useState('');
  const campaigns = data?.structure.campaigns ?? [];
  const campaignId =
    chosen ?? campaigns.find((c) => c.status === 'active')?.id ?? campaigns[0]?.id ?? null;
  const sites = (data?.structure.sites ?? []).filter((s) => s.campaignId === campaignId);
  const teams = (data?.structure.teams ?? []).filter((x) => x.campaignId === campaignId);
  const links = data?.structure.teamSites ?? [];

  return (
    <AdminFrame tab="teams" error={error}>
      {data && campaignId ? (
        <>
          <ChoiceChips
            label={t('admin.rounds.round')}
            testId="admin-teams-campaign"
            options={campaigns.map((c) => ({ value: c.id, label: `${c.name} (${c.day})` }))}
            value={campaignId}
            onChange={setChosen}
          />
          <ul className="hj-list">
            {teams.map((team) => (
              <TeamCard
                key={team.id}
                team={team}
                sites={sites}
                linked={new Set(links.filter((l) => l.teamId === team.id).map((l) => l.siteId))}
                run={run}
                busy={busy}
              />
            ))}
          </ul>
          <section className="hj-form" aria-labelledby="admin-new-team">
            <h2 className="hj-section-title" id="admin-new-team">
              {t('admin.teams.newTeam')}
            </h2>
            <TextField
              id="admin-team-name"
              testId="admin-team-name"
              label={t('admin.teams.teamName')}
              value={teamName}
              onChange={setTeamName}
              maxLength={100}
            />
            <Button
              block
              color="primary"
              loading={busy}
              disabled={teamName.trim() === ''}
              data-testid="admin-team-save"
              onClick={async () => {
                const result = await run('/api/admin/teams', { campaignId, name: teamName });
                if (result.ok) setTeamName('');
              }}
            >
              {t('admin.teams.createTeam')}
            </Button>
          </section>
          <NewSite campaignId={campaignId} run={run} busy={busy} />
        </>
      ) : error ? null : (
        <p className="hj-hint">{t('app.loading')}</p>
      )}
    </AdminFrame>
  );
}

import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/domain/common.js';
import type { StructureResponse, UserView } from '../../../shared/protocol/admin.js';
import { ChoiceChips } from '../../ui/choice-chips.js';
import { Overlay } from '../../ui/overlay.js';
import { TextField } from '../../ui/text-field.js';
import { AdminFrame } from './admin-frame.js';
import { generatePassword } from './password.js';
import { useAdmin } from './use-admin.js';

const ROLES: Role[] = ['volunteer', 'leader', 'coordinator'];

/** Teams of the newest round first: those are the ones people are put in. */
function teamOptions(t: (k: string) => string, structure: StructureResponse) {
  const day = new Map(structure.campaigns.map((c) => [c.id, c.day]));
  const teams = [...structure.teams].sort(
    (a, b) =>
      (day.get(b.campaignId) ?? '').localeCompare(day.get(a.campaignId) ?? '') ||
      a.name.localeCompare(b.name, 'zh-CN'),
  );
  const active = new Set(structure.campaigns.filter((c) => c.status === 'active').map((c) => c.id));
  return [
    { value: 'none', label: t('admin.accounts.noTeam') },
    ...teams.filter((x) => active.has(x.campaignId)).map((x) => ({ value: x.id, label: x.name })),
  ];
}

function NewAccount({
  structure,
  run,
  busy,
}: {
  structure: StructureResponse;
  run: ReturnType<typeof useAdmin>['run'];
  busy: boolean;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [role, setRole] = useState<Role>('volunteer');
  const [team, setTeam] = useState('none');
  const [password, setPassword] = useState(generatePassword);
  const [made, setMade] = useState<{ phone: string; password: string } | null>(null);

  async function submit() {
    const result = await run('/api/admin/users', {
      name,
      phone,
      role,
      teamId: team === 'none' ? null : team,
      password,
    });
    if (!result.ok) return;
    const user = (result.body as { user: { phone: string } }).user;
    setMade({ phone: user.phone, password });
    setName('');
    setPhone('');
    setPassword(generatePassword());
  }

  return (
    <section className="hj-form" aria-labelledby="admin-new-account">
      <h2 className="hj-section-title" id="admin-new-account">
        {t('admin.accounts.new')}
      </h2>
      <TextField
        id="admin-new-name"
        testId="admin-new-name"
        label={t('admin.accounts.name')}
        value={name}
        onChange={setName}
        maxLength={50}
      />
      <TextField
        id="admin-new-phone"
        testId="admin-new-phone"
        label={t('admin.accounts.phone')}
        value={phone}
        onChange={setPhone}
        type="tel"
        inputMode="numeric"
        maxLength={20}
      />
      <ChoiceChips
        label={t('admin.accounts.role')}
        testId="admin-new-role"
        options={ROLES.map((r) => ({ value: r, label: t(`settings.role.${r}`) }))}
        value={role}
        onChange={setRole}
      />
      <ChoiceChips
        label={t('admin.accounts.team')}
        testId="admin-new-team"
        options={teamOptions(t, structure)}
        value={team}
        onChange={setTeam}
      />
      <TextField
        id="admin-new-password"
        testId="admin-new-password"
        label={t('admin.accounts.password')}
        value={password}
        onChange={setPassword}
        hint={t('admin.accounts.passwordHint')}
        trailing={
          <Button onClick={() => setPassword(generatePassword())}>
            {t('admin.accounts.generate')}
          </Button>
        }
      />
      <Button
        block
        size="large"
        color="primary"
        loading={busy}
        disabled={name.trim() === '' || phone.trim() === '' || password.length < 8}
        data-testid="admin-new-save"
        onClick={() => void submit()}
      >
        {t('admin.accounts.create')}
      </Button>
      {made ? (
        <p className="hj-flush" role="status" data-testid="admin-new-done">
          {t('admin.accounts.created', made)}
        </p>
      ) : null}
    </section>
  );
}

function AccountSheet({
  user,
  structure,
  run,
  busy,
  onClose,
}: {
  user: UserView;
  structure: StructureResponse;
  run: ReturnType<typeof useAdmin>['run'];
  busy: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState(generatePassword);
  const [signOut, setSignOut] = useState(true);
  const [reset, setReset] = useState<string | null>(null);

  return (
    <Overlay
      testId="admin-account-sheet"
      title={`${user.name} · ${user.phone}`}
      onClose={onClose}
      actions={
        <Button block data-autofocus data-testid="admin-account-close" onClick={onClose}>
          {t('common.ok')}
        </Button>
      }
    >
      <div className="hj-form">
        <ChoiceChips
          label={t('admin.accounts.role')}
          testId="admin-role"
          options={ROLES.map((r) => ({ value: r, label: t(`settings.role.${r}`) }))}
          value={user.role}
          onChange={(role) => void run('/api/admin/users/update', { userId: user.id, role })}
        />
        <ChoiceChips
          label={t('admin.accounts.team')}
          testId="admin-team"
          options={teamOptions(t, structure)}
          value={user.teamId ?? 'none'}
          onChange={(team) =>
            void run('/api/admin/users/update', {
              userId: user.id,
              teamId: team === 'none' ? null : team,
            })
          }
        />
        <p className="hj-hint">{t('admin.accounts.roleHint')}</p>
        <h3 className="hj-section-title">{t('admin.accounts.activeTitle')}</h3>
        <p className="hj-hint" data-testid="admin-active-state">
          {user.active ? t('admin.accounts.activeOn') : t('admin.accounts.activeOff')}
        </p>
        <Button
          block
          color={user.active ? 'danger' : 'primary'}
          fill={user.active ? 'outline' : 'solid'}
          loading={busy}
          data-testid={user.active ? 'admin-deactivate' : 'admin-activate'}
          onClick={() =>
            void run('/api/admin/users/active', { userId: user.id, active: !user.active })
          }
        >
          {user.active ? t('admin.accounts.deactivate') : t('admin.accounts.activate')}
        </Button>
        <h3 className="hj-section-title">{t('admin.accounts.resetTitle')}</h3>
        <TextField
          id="admin-reset-password"
          testId="admin-reset-password"
          label={t('admin.accounts.newPassword')}
          value={password}
          onChange={setPassword}
          trailing={
            <Button onClick={() => setPassword(generatePassword())}>
              {t('admin.accounts.generate')}
            </Button>
          }
        />
        <label className="hja-check">
          <input
            type="checkbox"
            checked={signOut}
            data-testid="admin-reset-sign-out"
            onChange={(e) => setSignOut(e.target.checked)}
          />
          {t('admin.accounts.signOutEverywhere')}
        </label>
        <Button
          block
          color="warning"
          loading={busy}
          disabled={password.length < 8}
          data-testid="admin-reset-save"
          onClick={async () => {
            const result = await run('/api/admin/users/password', {
              userId: user.id,
              password,
              revokeDevices: signOut,
            });
            if (result.ok) setReset(password);
          }}
        >
          {t('admin.accounts.reset')}
        </Button>
        {reset ? (
          <p className="hj-flush" role="status" data-testid="admin-reset-done">
            {t('admin.accounts.resetDone', { password: reset })}
          </p>
        ) : null}
        <h3 className="hj-section-title">{t('admin.devices.title')}</h3>
        {user.devices.length === 0 ? <p className="hj-hint">{t('admin.devices.none')}</p> : null}
        <ul className="hj-list">
          {user.devices.map((d) => (
            <li
              key={d.id}
              className="hja-item"
              data-testid="admin-device"
              data-device={d.id}
              data-revoked={d.revokedAt ? 'true' : 'false'}
            >
              <span className={d.revokedAt ? 'hja-revoked' : ''}>
                {d.name} ·{' '}
                {t('admin.devices.since', { time: d.createdAt.slice(0, 16).replace('T', ' ') })}
              </span>
              {d.revokedAt ? (
                <span className="hj-muted">
                  {t('admin.devices.revokedAt', {
                    time: d.revokedAt.slice(0, 16).replace('T', ' '),
                  })}
                </span>
              ) : (
                <Button
                  color="danger"
                  fill="outline"
                  loading={busy}
                  data-testid="admin-device-revoke"
                  onClick={() => void run('/api/admin/devices/revoke', { deviceId: d.id })}
                >
                  {t('admin.devices.revoke')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      </div>
    </Overlay>
  );
}

/**
 * Accounts (route /admin, coordinators, online): everyone with their role,
 * team and phones; a new account in one form; in a person's sheet: role and
 * team in one tap, deactivate or activate the account, a new password,
 * their phones with "revoke".
 */
export function AccountsPage() {
  const { t } = useTranslation();
  const { data, error, busy, run } = useAdmin();
  const [openId, setOpenId] = useState<string | null>(null);
  const teamName = new Map((data?.structure.teams ?? []).map((x) => [x.id, x.name]));
  const open = data?.users.find((u) => u.id === openId) ?? null;

  return (
    <AdminFrame tab="accounts" error={error}>
      {data ? (
        <>
          <NewAccount structure={data.structure} run={run} busy={busy} />
          <section className="hj-form" aria-labelledby="admin-accounts">
            <h2 className="hj-section-title" id="admin-accounts">
              {t('admin.accounts.list', { count: data.users.length })}
            </h2>
            <ul className="hj-list">
              {data.users.map((u) => (
                <li key={u.id}>
                  <button
                    type="button"
                    className="hj-card"
                    data-testid="admin-account"
                    data-phone={u.phone}
                    data-active={u.active ? 'true' : 'false'}
                    onClick={() => setOpenId(u.id)}
                  >
                    <span className="hj-card-title">{u.name}</span>
                    <span className="hj-card-meta">
                      <span>{u.phone}</span>
                      <span data-testid="admin-account-role">{t(`settings.role.${u.role}`)}</span>
                      {u.active ? null : (
                        <span className="hja-revoked">{t('admin.accounts.inactive')}</span>
                      )}
                      <span>
                        {u.teamId ? (teamName.get(u.teamId) ?? '') : t('admin.accounts.noTeam')}
                      </span>
                      <span>
                        {t('admin.devices.count', {
                          count: u.devices.filter((d) => !d.revokedAt).length,
                        })}
                      </span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
          {open ? (
            <AccountSheet
              user={open}
              structure={data.structure}
              run={run}
              busy={busy}
              onClose={() => setOpenId(null)}
            />
          ) : null}
        </>
      ) : error ? null : (
        <p className="hj-hint">{t('app.loading')}</p>
      )}
    </AdminFrame>
  );
}

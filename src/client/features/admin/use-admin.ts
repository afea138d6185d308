import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StructureResponse, UserView } from '../../../shared/protocol/admin.js';
import { structureResponseSchema, usersResponseSchema } from '../../../shared/protocol/admin.js';
import type { HttpResult } from '../../sync/http.js';
import { getJson, sendJson } from '../../sync/server-api.js';
import { useServices } from '../../sync/services.js';

export interface AdminData {
  users: UserView[];
  structure: StructureResponse;
}

/**
 * The administration screens read the server, not the phone: accounts,
 * devices and every team live there, and a coordinator acts on the current
 * truth. Offline they say so and change nothing. `run` posts one change,
 * then reloads.
 */
export function useAdmin() {
  const { t } = useTranslation();
  const { session } = useServices();
  const token = session.token;
  const [data, setData] = useState<AdminData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const explain = useCallback(
    (result: Exclude<HttpResult, { kind: 'ok' }>) =>
      result.kind === 'network'
        ? t('coverage.needsNetwork')
        : t(`admin.error.${result.code}`, {
            defaultValue: t('coverage.serverSaid', { message: result.message }),
          }),
    [t],
  );

  const reload = useCallback(async () => {
    const [users, structure] = await Promise.all([
      getJson('/api/admin/users', token),
      getJson('/api/admin/structure', token),
    ]);
    if (users.kind !== 'ok') return setError(explain(users));
    if (structure.kind !== 'ok') return setError(explain(structure));
    setError(null);
    setData({
      users: usersResponseSchema.parse(users.body).users,
      structure: structureResponseSchema.parse(structure.body),
    });
  }, [token, explain]);

  useEffect(() => {
    void reload();
  }, [reload]);

  /** Posts a change; true when the server took it. */
  const run = useCallback(
    async (path: string, body: unknown): Promise<{ ok: true; body: unknown } | { ok: false }> => {
      setBusy(true);
      try {
        const result = await sendJson(path, body, token);
        if (result.kind !== 'ok') {
          setError(explain(result));
          return { ok: false };
        }
        setError(null);
        await reload();
        return { ok: true, body: result.body };
      } finally {
        setBusy(false);
      }
    },
    [token, explain, reload],
  );

  return { data, error, busy, reload, run };
}

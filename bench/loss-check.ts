import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DB } from '../src/server/db/schema.js';
import type { Mutation } from '../src/shared/protocol/push.js';
import { BENCH_SITE } from './bench-data.js';

interface CheckedPhone {
  clientId: string;
  outbox: Mutation[];
}

const registrationId = (m: Mutation) => (m.args as { id: string }).id;

/**
 * After the end-of-day load: the server must hold exactly the accepted
 * mutations — every registration a phone was told was accepted (and not
 * rejected) once, nothing else, no duplicate queue number — and every phone
 * must have been told all of its mutations were settled.
 */
export async function lossCheck(
  db: Kysely<DB>,
  phones: CheckedPhone[],
  acknowledged: Map<string, { pushed: number; pulled: number }>,
  perDevice: number,
) {
  const failures: string[] = [];
  const clientIds = phones.map((p) => p.clientId);

  let unacknowledged = 0;
  for (const phone of phones) {
    const ack = acknowledged.get(phone.clientId);
    if (!ack || ack.pushed !== perDevice || ack.pulled !== perDevice) unacknowledged += 1;
  }
  if (unacknowledged > 0)
    failures.push(`${unacknowledged} phones were not told all ${perDevice} mutations were settled`);

  const rejectedRows = await db
    .selectFrom('rejections')
    .select(['clientId', 'mutationId', 'code'])
    .where('clientId', 'in', clientIds)
    .execute();
  const rejectedKeys = new Set(rejectedRows.map((r) => `${r.clientId}/${r.mutationId}`));
  if (rejectedRows.length > 0) {
    const codes = [...new Set(rejectedRows.map((r) => r.code))].join(', ');
    failures.push(`${rejectedRows.length} valid mutations were rejected (${codes})`);
  }

  const expected = new Set<string>();
  for (const phone of phones) {
    for (const m of phone.outbox) {
      if (!rejectedKeys.has(`${phone.clientId}/${m.id}`)) expected.add(registrationId(m));
    }
  }
  const stored = await db
    .selectFrom('registrations')
    .select('id')
    .where('siteId', '=', BENCH_SITE)
    .execute();
  const storedIds = new Set(stored.map((r) => r.id));
  const missing = [...expected].filter((id) => !storedIds.has(id)).length;
  const extra = [...storedIds].filter((id) => !expected.has(id)).length;
  if (missing > 0) failures.push(`${missing} accepted registrations are missing on the server`);
  if (extra > 0) failures.push(`${extra} registrations on the server were never accepted`);
  if (stored.length !== storedIds.size) failures.push('a registration id is stored twice');

  const duplicateNumbers = await db
    .selectFrom('registrations')
    .select(['campaignId', 'queueNumber'])
    .where('siteId', '=', BENCH_SITE)
    .groupBy(['campaignId', 'queueNumber'])
    .having(sql`count(*)`, '>', 1)
    .execute();
  if (duplicateNumbers.length > 0)
    failures.push(`${duplicateNumbers.length} queue numbers are given twice`);

  const applied = await db
    .selectFrom('audit')
    .select(['clientId', 'mutationId'])
    .where('clientId', 'in', clientIds)
    .where('result', '=', 'applied')
    .execute();
  const appliedKeys = new Set(applied.map((a) => `${a.clientId}/${a.mutationId}`));
  if (applied.length !== appliedKeys.size) failures.push('a mutation is audited as applied twice');
  if (appliedKeys.size !== expected.size) {
    failures.push(`${appliedKeys.size} mutations audited as applied, ${expected.size} accepted`);
  }

  const clients = await db
    .selectFrom('clients')
    .select(['id', 'lastMutationId'])
    .where('id', 'in', clientIds)
    .execute();
  const behind = clients.filter((c) => Number(c.lastMutationId) !== perDevice).length;
  if (clients.length !== phones.length || behind > 0) {
    failures.push(
      `${phones.length - clients.length} phones unknown to the server, ${behind} not at mutation ${perDevice}`,
    );
  }
  return {
    failures,
    stored: storedIds.size,
    accepted: expected.size,
    rejected: rejectedRows.length,
  };
}

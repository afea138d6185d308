import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DB } from '../src/server/db/schema.js';
import type { Mutation } from '../src/shared/protocol/push.js';
import { BENCH_SITE } from './bench-data.js';

interface CheckedPhone {
  clientId: string;
  outbox: Mutation[];
}

/** What a phone was told: the push answer's and the pull answer's last mutation id. */
export interface Told {
  pushed: number;
  pulled: number;
}

const registrationId = (m: Mutation) => (m.args as { id: string }).id;

/**
 * After the end-of-day load. A mutation is **accepted** when the server has
 * settled it for its client (id at or below the client's last mutation id)
 * and not rejected it. The server must hold exactly the accepted
 * registrations — none missing, none extra, none twice, no queue number twice,
 * each audited as applied once — must never have told a phone more than it
 * settled, and every phone must have been told all its mutations were settled.
 */
export async function lossCheck(db: Kysely<DB>, phones: CheckedPhone[], told: Map<string, Told>) {
  const failures: string[] = [];
  const clientIds = phones.map((p) => p.clientId);

  const clients = await db
    .selectFrom('clients')
    .select(['id', 'lastMutationId'])
    .where('id', 'in', clientIds)
    .execute();
  const settledUpTo = new Map(clients.map((c) => [c.id, Number(c.lastMutationId)]));
  const rejectedRows = await db
    .selectFrom('rejections')
    .select(['clientId', 'mutationId', 'code'])
    .where('clientId', 'in', clientIds)
    .execute();
  const rejected = new Set(rejectedRows.map((r) => `${r.clientId}/${r.mutationId}`));
  if (rejectedRows.length > 0) {
    const codes = [...new Set(rejectedRows.map((r) => r.code))].join(', ');
    failures.push(`${rejectedRows.length} valid mutations were rejected (${codes})`);
  }

  const accepted = new Set<string>();
  let notTold = 0;
  let overTold = 0;
  for (const phone of phones) {
    const upTo = settledUpTo.get(phone.clientId) ?? 0;
    for (const m of phone.outbox) {
      if (m.id <= upTo && !rejected.has(`${phone.clientId}/${m.id}`)) {
        accepted.add(registrationId(m));
      }
    }
    const last = phone.outbox[phone.outbox.length - 1]?.id ?? 0;
    const answer = told.get(phone.clientId);
    if (!answer || answer.pushed !== last || answer.pulled !== last) notTold += 1;
    if (answer && Math.max(answer.pushed, answer.pulled) > upTo) overTold += 1;
  }
  if (notTold > 0)
    failures.push(`${notTold} phones were not told all their mutations were settled`);
  if (overTold > 0)
    failures.push(`${overTold} phones were told of mutations the server has not kept`);

  const stored = await db
    .selectFrom('registrations')
    .select('id')
    .where('siteId', '=', BENCH_SITE)
    .execute();
  const storedIds = new Set(stored.map((r) => r.id));
  const missing = [...accepted].filter((id) => !storedIds.has(id)).length;
  const extra = [...storedIds].filter((id) => !accepted.has(id)).length;
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
  if (duplicateNumbers.length > 0) {
    failures.push(`${duplicateNumbers.length} queue numbers are given twice`);
  }

  const applied = await db
    .selectFrom('audit')
    .select(['clientId', 'mutationId'])
    .where('clientId', 'in', clientIds)
    .where('result', '=', 'applied')
    .execute();
  const appliedKeys = new Set(applied.map((a) => `${a.clientId}/${a.mutationId}`));
  if (applied.length !== appliedKeys.size) failures.push('a mutation is audited as applied twice');
  if (appliedKeys.size !== accepted.size) {
    failures.push(`${appliedKeys.size} mutations audited as applied, ${accepted.size} accepted`);
  }
  if (clients.length !== phones.length) {
    failures.push(`${phones.length - clients.length} phones are unknown to the server`);
  }
  return {
    failures,
    stored: storedIds.size,
    accepted: accepted.size,
    rejected: rejectedRows.length,
  };
}

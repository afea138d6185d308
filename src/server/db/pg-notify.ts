import { sql } from 'kysely';
import pg from 'pg';
import type { Store } from './store.js';

export interface Listener {
  /** Settles after the first attempt to listen, whether it worked or not. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * LISTENs on a PostgreSQL channel over a connection of its own (a pooled
 * connection would lose the subscription when returned to the pool). A lost
 * connection is opened again with a growing pause (1 s doubling to 30 s), so
 * a database restart costs pokes for a while, never the server.
 */
export function listenPg(
  url: string,
  channel: string,
  onPayload: (payload: string) => void,
): Listener {
  let client: pg.Client | null = null;
  let closed = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const connect = async () => {
    if (closed) return;
    const next = new pg.Client({ connectionString: url });
    client = next;
    next.on('notification', (message) => {
      if (message.channel === channel) onPayload(message.payload ?? '');
    });
    next.on('error', () => retry(next));
    next.on('end', () => retry(next));
    try {
      await next.connect();
      // Channel names cannot be bound as parameters; this one is a constant of ours.
      await next.query(`listen ${pg.escapeIdentifier(channel)}`);
      failures = 0;
    } catch {
      retry(next);
    }
  };
  const retry = (failed: pg.Client) => {
    if (closed || client !== failed) return;
    client = null;
    failed.end().catch(() => undefined);
    failures += 1;
    timer = setTimeout(() => void connect(), Math.min(30_000, 1000 * 2 ** (failures - 1)));
  };
  return {
    ready: connect(),
    async close() {
      closed = true;
      clearTimeout(timer);
      const last = client;
      client = null;
      await last?.end().catch(() => undefined);
    },
  };
}

/** Sends a notification on a channel; delivered to every listener once this transaction commits. */
export async function notifyPg(store: Store, channel: string, payload: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(store.db);
}

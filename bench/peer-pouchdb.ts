import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Registration } from '../src/shared/domain/registration.js';
import type { Report } from './report.js';
import { seconds } from './report.js';
import type { SyncTimes } from './server-sync.js';
import { timed } from './stats.js';

// PouchDB, its memory adapter, express and express-pouchdb ship no types: the
// few calls used here are typed by hand.
interface ReplicationResult {
  ok: boolean;
  docs_written: number;
}
interface PouchDatabase {
  bulkDocs(docs: object[]): Promise<unknown>;
  info(): Promise<{ doc_count: number }>;
  destroy(): Promise<unknown>;
}
interface PouchStatic {
  new (name: string, options?: { adapter: string }): PouchDatabase;
  plugin(plugin: unknown): void;
  defaults(options: { adapter: string }): PouchStatic;
  replicate(from: PouchDatabase | string, to: PouchDatabase | string): Promise<ReplicationResult>;
}
interface ExpressApp {
  use(path: string, handler: unknown): void;
  listen(port: number, host: string): Server;
}

const require = createRequire(import.meta.url);

/**
 * Part 2: the same registrations replicated the classic offline-first way —
 * PouchDB in Node (memory adapter) to a CouchDB-protocol server
 * (express-pouchdb, memory adapter) on loopback — timed in the same run, and
 * compared with Huiju's push and the pull by a phone synced before them.
 */
export async function peerPouchDb(report: Report, huiju: SyncTimes[]): Promise<void> {
  const first = huiju[0];
  if (!first) {
    report.note('peer: skipped (needs part 1 for the records and Huiju times)');
    return;
  }
  const PouchDB = require('pouchdb') as PouchStatic;
  PouchDB.plugin(require('pouchdb-adapter-memory'));
  const express = require('express') as () => ExpressApp;
  const expressPouchDb = require('express-pouchdb') as (p: PouchStatic, o: object) => unknown;
  const InMemory = PouchDB.defaults({ adapter: 'memory' });
  const app = express();
  app.use(
    '/',
    expressPouchDb(InMemory, {
      mode: 'minimumForPouchDB',
      inMemoryConfig: true,
      logPath: path.join(os.tmpdir(), 'huiju-bench-pouchdb.log'),
    }),
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const remote = `http://127.0.0.1:${(server.address() as AddressInfo).port}/registrations`;
  const count = first.rows.length;
  try {
    // The phone's outbox equivalent: the records already in its local database.
    const local = new PouchDB('bench-phone', { adapter: 'memory' });
    await local.bulkDocs(
      first.rows.map((row: Registration) => ({ _id: row.id, ...row, id: undefined })),
    );
    const push = await timed(() => PouchDB.replicate(local, remote));
    const fresh = new PouchDB('bench-other-phone', { adapter: 'memory' });
    const pull = await timed(() => PouchDB.replicate(remote, fresh));
    const arrived = (await fresh.info()).doc_count;
    if (push.result.docs_written !== count || arrived !== count) {
      report.fail(
        `peer: PouchDB wrote ${push.result.docs_written} and pulled ${arrived} of ${count} documents`,
      );
    }
    const section = '2 sync vs a peer (PouchDB → express-pouchdb, in memory)';
    for (const times of huiju) {
      const engine = times.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
      const add = (name: string, huijuMs: number, pouchMs: number) =>
        report.add({
          section,
          name: `${name}, Huiju on ${engine}`,
          value: huijuMs / 1000,
          unit: 's',
          detail: `${count.toLocaleString('en-US')} records`,
          baseline: {
            name: 'PouchDB',
            value: pouchMs / 1000,
            unit: 's',
            detail: `${count.toLocaleString('en-US')} docs`,
          },
          ratio: huijuMs / pouchMs,
          ratioMeaning: "Huiju's time ÷ PouchDB's",
        });
      add('push', times.pushMs, push.ms);
      add('pull (phone synced before them)', times.incrementalPullMs, pull.ms);
      add('push + pull', times.pushMs + times.incrementalPullMs, push.ms + pull.ms);
    }
    report.note(
      `peer: PouchDB pushed ${count} docs in ${seconds(push.ms)} and a fresh PouchDB pulled them in ${seconds(pull.ms)} (default batch of 100, like Huiju's push batch)`,
    );
    await local.destroy();
    await fresh.destroy();
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Roster } from '../seeds/roster.js';
import type { User } from '../src/shared/domain/team.js';
import { loadSeed } from '../src/server/db/load-seed.js';
import { migrate } from '../src/server/db/migrate.js';
import { openStore } from '../src/server/db/store.js';
import type { Engine, Store } from '../src/server/db/store.js';
import { PG_ADMIN_URL } from '../src/server/db/test-postgres.js';
import { benchSeed } from './bench-data.js';
import type { TempDb } from './bench-data.js';

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const unique = (label: string) =>
  `huiju_bench_${label}_${process.pid}_${Date.now()}_${crypto.randomUUID().slice(0, 8)}`;

/**
 * Each part of the run needs a fresh database holding the same seed (the demo,
 * the bench compound with its roster, the bench volunteers). Migrating and
 * loading it once per engine and copying it — a file copy for SQLite,
 * `CREATE DATABASE … TEMPLATE` for PostgreSQL — keeps setup out of the run's time.
 */
export class SeededDatabases {
  private readonly made = new Map<Engine, Promise<TempDb>>();

  constructor(
    private readonly roster: Roster,
    private readonly users: User[],
  ) {}

  private template(engine: Engine): Promise<TempDb> {
    let made = this.made.get(engine);
    if (!made) {
      made = this.create(engine);
      this.made.set(engine, made);
    }
    return made;
  }

  private async create(engine: Engine): Promise<TempDb> {
    const db = await emptyDatabase(engine, 'template');
    const store = openStore(db.url);
    try {
      await migrate(store.db);
      const { rows, accounts } = benchSeed(this.roster, this.users);
      await loadSeed(store, rows, accounts);
    } finally {
      await store.close();
    }
    return db;
  }

  /** A fresh copy of the seeded database, and a store open on it. */
  async copy(engine: Engine, label: string): Promise<{ temp: TempDb; store: Store }> {
    const template = await this.template(engine);
    const temp = await copyOf(template, label);
    return { temp, store: openStore(temp.url) };
  }

  async dropAll(): Promise<void> {
    for (const made of this.made.values()) await (await made).drop();
    this.made.clear();
  }
}

/** An empty database of the engine: an SQLite file in its own folder, or a PostgreSQL database. */
export async function emptyDatabase(engine: Engine, label: string): Promise<TempDb> {
  if (engine === 'postgres') {
    const name = unique(label);
    await admin((c) => c.query(`create database ${name}`));
    return pgDb(name);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `huiju-bench-${label}-`));
  return {
    engine,
    url: `sqlite:${path.join(dir, 'huiju.sqlite')}`,
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

function pgDb(name: string): TempDb {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    engine: 'postgres',
    url: url.toString(),
    drop: () =>
      admin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

async function copyOf(template: TempDb, label: string): Promise<TempDb> {
  if (template.engine === 'postgres') {
    const name = unique(label);
    const from = new URL(template.url).pathname.slice(1);
    await admin((c) => c.query(`create database ${name} template ${from}`));
    return pgDb(name);
  }
  const copy = await emptyDatabase('sqlite', label);
  // The template's store is closed, so its write-ahead log is folded into the file.
  fs.copyFileSync(template.url.slice('sqlite:'.length), copy.url.slice('sqlite:'.length));
  return copy;
}

/** What every part of the run shares: the roster, the bench volunteers, the seeded databases. */
export interface BenchContext {
  roster: Roster;
  users: User[];
  databases: SeededDatabases;
}

import type { FastifyInstance } from 'fastify';
import { generateDemo } from '../../../seeds/demo-campaign.js';
import type { LoginResponse } from '../../shared/protocol/login.js';
import type { AppOptions } from '../app.js';
import { buildApp } from '../app.js';
import { loadSeed } from '../db/load-seed.js';
import { migrate } from '../db/migrate.js';
import type { Engine, Store } from '../db/store.js';
import { openStore } from '../db/store.js';
import { createTempDatabase } from '../db/test-postgres.js';

export const DEMO_DAY = '2022-01-06';
export const DEMO_PASSWORD = 'demo-1234';

export interface TestServer {
  app: FastifyInstance;
  store: Store;
  login(phone: string): Promise<LoginResponse>;
  close(): Promise<void>;
}

/** A real server (real migrations, the demo campaign) on a fresh SQLite or PostgreSQL database. */
export async function startTestServer(
  engine: Engine,
  options: {
    pullPageSize?: number;
    now?: () => Date;
    sessionIdleSeconds?: number;
    logger?: AppOptions['logger'];
    distDir?: string;
  } = {},
): Promise<TestServer> {
  let drop = async () => {};
  let url = 'sqlite::memory:';
  if (engine === 'postgres') {
    const temp = await createTempDatabase();
    url = temp.url;
    drop = temp.drop;
  }
  const store = openStore(url);
  await migrate(store.db);
  const { accounts, ...rows } = generateDemo(DEMO_DAY);
  await loadSeed(store, rows, accounts);
  const app = await buildApp({ store, ...options });
  return {
    app,
    store,
    async login(phone) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { phone, password: DEMO_PASSWORD, deviceName: 'test' },
      });
      if (res.statusCode !== 200) throw new Error(`login ${phone}: ${res.statusCode} ${res.body}`);
      return res.json<LoginResponse>();
    },
    async close() {
      await app.close();
      await store.close();
      await drop();
    },
  };
}

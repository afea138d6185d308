import path from 'node:path';
import { generateDemo } from '../../seeds/demo-campaign.js';
import { buildApp } from './app.js';
import { chinaToday, readConfig } from './config.js';
import { loadSeed } from './db/load-seed.js';
import { migrate } from './db/migrate.js';
import { openStore } from './db/store.js';
import { playMorning } from './demo/play-morning.js';

/** Reads the configuration, migrates, loads the demo once, listens. */
async function main(): Promise<void> {
  const config = readConfig(process.env);
  const store = openStore(config.DATABASE_URL);
  await migrate(store.db);
  if (config.DEMO === '1') {
    const demo = generateDemo(config.DEMO_DAY ?? chinaToday(new Date()));
    const { accounts, ...rows } = demo;
    const loaded = await loadSeed(store, rows, accounts);
    console.log(loaded ? 'Demo campaign loaded.' : 'Demo campaign already present.');
    if (loaded && config.DEMO_PROGRESS === 'morning') {
      const morning = await playMorning(store, demo, new Date());
      console.log(
        `Demo morning played: ${morning.changes} changes in ${morning.pushes} pushes ` +
          `(one refused claim waits for 13800000003).`,
      );
    }
  }
  const demoHandover = config.DEMO === '1' && config.DEMO_PROGRESS === 'morning';
  const app = await buildApp({
    store,
    distDir: path.resolve(config.HUIJU_DIST),
    logger: { level: config.LOG_LEVEL },
    sessionIdleSeconds: Math.round(config.SESSION_IDLE_HOURS * 3600),
    demoHandover,
  });
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  const port = new URL(address).port;
  console.log(`Huiju (汇聚) is running on http://localhost:${port}  (database: ${store.engine})`);
  console.log('Demo sign-ins (password demo-1234):');
  console.log(
    '  coordinator 13800000001 · leader 13800000002 · volunteers 13800000003–13800000012',
  );

  const stop = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

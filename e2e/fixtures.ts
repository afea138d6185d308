import { test as base, expect } from '@playwright/test';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Phones } from './pages/phones.js';

export const DEMO_DAY = '2022-01-06';

/**
 * How far the demo day has got when a spec's server starts: `empty` (the
 * default for specs: the roster only) or `morning` (the in-progress day that
 * `npm start` shows). A spec opts in with `test.use({ demoProgress: 'morning' })`.
 */
export type DemoProgress = 'empty' | 'morning';

export interface RunningServer {
  url: string;
  /** Reads the server's SQLite database directly (read-only), to check what it holds. */
  query<T>(sql: string, ...params: unknown[]): T[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function startServer(
  dbFile: string,
  demoProgress: DemoProgress,
): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${dbFile}`,
      DEMO_DAY,
      DEMO_PROGRESS: demoProgress,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 150_000);
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
      if (output.includes('is running on')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}:\n${output}`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

interface ServerPool {
  /** The server of one spec file (and demo progress), started on first use. */
  forFile(file: string, demoProgress: DemoProgress): Promise<RunningServer>;
}

/**
 * A real server (the built PWA + API, the demo campaign, its own SQLite file)
 * for each spec file, so specs never see each other's data.
 */
export const test = base.extend<
  { server: RunningServer; demoProgress: DemoProgress; phones: Phones },
  { pool: ServerPool }
>({
  demoProgress: ['empty', { option: true }],
  pool: [
    // Playwright needs the destructuring pattern to see that the fixture uses no other fixture.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, workerInfo) => {
      const running = new Map<string, Promise<{ server: RunningServer; stop: () => void }>>();
      const start = async (demoProgress: DemoProgress) => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), `huiju-e2e-${workerInfo.workerIndex}-`));
        const dbFile = path.join(dir, 'huiju.sqlite');
        const { child, url } = await startServer(dbFile, demoProgress);
        const db = new Database(dbFile, { readonly: true, fileMustExist: true });
        const server: RunningServer = {
          url,
          query: (sql, ...params) => db.prepare(sql).all(...params) as never,
        };
        const stop = () => {
          db.close();
          child.kill('SIGTERM');
          fs.rmSync(dir, { recursive: true, force: true });
        };
        return { server, stop };
      };
      await use({
        forFile(file, demoProgress) {
          const key = `${file}#${demoProgress}`;
          let entry = running.get(key);
          if (!entry) {
            entry = start(demoProgress);
            running.set(key, entry);
          }
          return entry.then((e) => e.server);
        },
      });
      for (const entry of running.values()) (await entry).stop();
    },
    { scope: 'worker' },
  ],
  server: async ({ pool, demoProgress }, use, testInfo) =>
    use(await pool.forFile(testInfo.file, demoProgress)),
  baseURL: async ({ server }, use) => use(server.url),
  // Signed-in phones of the test (e2e/pages/phones.ts), closed when it ends.
  phones: async ({ browser, server }, use) => {
    const phones = new Phones(browser, server.url);
    await use(phones);
    await phones.closeAll();
  },
});

export { expect };

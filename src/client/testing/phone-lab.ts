import { afterAll, beforeAll, expect } from 'vitest';
import type { User } from '../../shared/domain/team.js';
import type { MutatorArgs, MutatorName } from '../../shared/mutators/registry.js';
import type { Engine } from '../../server/db/store.js';
import { injectFetch } from '../../server/testing/inject-fetch.js';
import type { TestServer } from '../../server/testing/test-server.js';
import { startTestServer } from '../../server/testing/test-server.js';
import { mutationContext } from '../db/context.js';
import { HuijuDB } from '../db/database.js';
import { runMutation } from '../db/run-mutation.js';
import type { SyncResult } from '../sync/sync-once.js';
import { syncOnce } from '../sync/sync-once.js';

/** A signed-in phone: its own IndexedDB (fake-indexeddb in Node), its person and token. */
export interface Phone {
  db: HuijuDB;
  user: User;
  token: string;
}

export interface PhoneLab {
  /** The server of the current `describe` (set in its `beforeAll`). */
  readonly server: TestServer;
  /** The `fetch` the phones use: the server's `app.inject`, no socket. */
  readonly fetchImpl: typeof fetch;
  /** Signs a demo account in on a new phone and runs its first sync, which must end `done`. */
  phone(number: string): Promise<Phone>;
  /** One sync round (push then pull), whatever its outcome. */
  sync(p: Phone): Promise<SyncResult>;
  /** One sync round that must end `done`. */
  syncDone(p: Phone): Promise<SyncResult>;
  /** Runs a mutator on the phone (optimistic write + outbox), as the app does. */
  act<N extends MutatorName>(p: Phone, name: N, args: MutatorArgs<N>): Promise<void>;
}

/**
 * The in-process world of the client-db tests: a real server (real
 * migrations, the demo campaign) on `engine`, and as many phones as a test
 * asks for, each running the real client code (Dexie, outbox, pull with
 * rebase). A phone is "offline" simply by not syncing. Call it inside a
 * `describe`: it registers the server's start and stop there. The test file
 * imports `fake-indexeddb/auto` first, before anything loads Dexie.
 */
export function phoneLab(
  engine: Engine,
  options: { name: string; pullPageSize?: number },
): PhoneLab {
  let server: TestServer | undefined;
  let fetchImpl: typeof fetch | undefined;
  let count = 0;
  beforeAll(async () => {
    server = await startTestServer(engine, { pullPageSize: options.pullPageSize });
    fetchImpl = injectFetch(server.app);
  });
  afterAll(async () => server?.close());

  const started = () => {
    if (!server || !fetchImpl) throw new Error('phoneLab: the server starts in beforeAll');
    return { server, fetchImpl };
  };
  const sync = (p: Phone) =>
    syncOnce({ db: p.db, user: p.user, token: p.token, fetchImpl: started().fetchImpl });
  const syncDone = async (p: Phone) => {
    const result = await sync(p);
    expect(result.kind).toBe('done');
    return result;
  };
  return {
    get server() {
      return started().server;
    },
    get fetchImpl() {
      return started().fetchImpl;
    },
    async phone(number) {
      const login = await started().server.login(number);
      count += 1;
      const p = {
        db: new HuijuDB(`${options.name}-${engine}-${count}-${number}`),
        user: login.user,
        token: login.token,
      };
      await syncDone(p);
      return p;
    },
    sync,
    syncDone,
    async act(p, name, args) {
      await runMutation(p.db, await mutationContext(p.db, p.user), name, args);
    },
  };
}

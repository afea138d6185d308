import type { User } from '../src/shared/domain/team.js';
import type { LoginResponse } from '../src/shared/protocol/login.js';

/**
 * What the benchmark page (bench/browser/bench-entry.ts, the real client code
 * built by Vite) offers on `window.huijuBench`. Only types here: the Node side
 * type-checks against them without compiling client code.
 */
export interface SearchCase {
  kind: string;
  text: string;
  /** The final keystroke's results must hold a resident whose `field` starts with `prefix`. */
  expect: { field: 'name' | 'nameInitials' | 'idLast4' | 'phone'; prefix: string };
}

export interface StorageFigures {
  usage: number;
  /** Chromium's own split of the usage, when it gives one. */
  indexedDB: number | null;
}

export interface HuijuBench {
  storage(): Promise<StorageFigures>;
  login(phone: string, password: string): Promise<LoginResponse>;
  firstPull(
    dbName: string,
    user: User,
    token: string,
  ): Promise<{
    ms: number;
    /** Of `ms`, the time spent waiting for the server's answers (request to last byte). */
    serverMs: number;
    result: { kind: string };
    pages: number;
    counts: Record<string, number>;
  }>;
  rawBulkPut(
    sourceName: string,
    targetName: string,
  ): Promise<{ ms: number; rows: number; counts: Record<string, number> }>;
  deleteDatabase(name: string): Promise<void>;
  search(
    dbName: string,
    siteId: string,
    cases: SearchCase[],
  ): Promise<{
    latencies: Record<string, number[]>;
    /** The same keystrokes as one Dexie range read on the field's own index (the baseline). */
    raw: Record<string, number[]>;
    misses: string[];
    /** Building the in-memory resident index once, from IndexedDB (start-up, or after a large pull). */
    indexMs: number;
  }>;
}

declare global {
  interface Window {
    huijuBench: HuijuBench;
  }
}

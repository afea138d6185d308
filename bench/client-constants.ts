import { z } from 'zod';

/**
 * The phone's push batch, read from the client code itself so the bench
 * pushes exactly as a phone does. The path is computed on purpose: the Node
 * type-check must not compile client code (it is checked with the app's config).
 */
export async function clientPushBatch(): Promise<number> {
  const modulePath = '../src/client/sync/sync-once.js';
  const module = (await import(modulePath)) as { PUSH_BATCH?: unknown };
  return z.number().int().positive().parse(module.PUSH_BATCH);
}

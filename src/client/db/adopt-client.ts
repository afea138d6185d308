import { openUserDb } from './database.js';
import { adoptClient } from './meta.js';

/** Opens the person's database just to take over a handed-over sync client (see `adoptClient`). */
export async function adoptHandedOverClient(
  userId: string,
  handover: { clientId: string; lastMutationId: number },
): Promise<boolean> {
  const db = openUserDb(userId);
  try {
    return await adoptClient(db, handover);
  } finally {
    db.close();
  }
}

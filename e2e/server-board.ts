import type { APIRequestContext } from '@playwright/test';
import { boardState } from '../src/shared/domain/household-board.js';
import type { TileInput } from '../src/shared/domain/household-board.js';
import { openRevisitRequest } from '../src/shared/domain/revisit-request.js';
import type { RunningServer } from './fixtures.js';

interface JsonNode {
  kind: string;
  id: string;
  counts: TileInput['counts'];
  door: TileInput['door'];
  children: JsonNode[];
}

function households(node: JsonNode): JsonNode[] {
  if (node.kind === 'household') return [node];
  return node.children.flatMap(households);
}

/**
 * Each household's board state as the server's own coverage report says
 * (GET /api/reports/coverage for one site) with the server's open revisit
 * requests: what the board on a phone or in the console must draw.
 */
export async function serverBoardStates(
  request: APIRequestContext,
  server: RunningServer,
  token: string,
  campaignId: string,
  siteId: string,
): Promise<Map<string, string>> {
  const res = await request.get(
    `${server.url}/api/reports/coverage?campaignId=${campaignId}&siteId=${siteId}`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  if (!res.ok()) throw new Error(`coverage report: ${res.status()}`);
  const site = ((await res.json()) as { site: JsonNode }).site;
  const requests = server.query<{ id: string; householdId: string; visitsBefore: number }>(
    'SELECT id, householdId, visitsBefore FROM revisitRequests WHERE siteId = ? AND campaignId = ?',
    siteId,
    campaignId,
  );
  const visits = server.query<{ householdId: string; n: number }>(
    'SELECT householdId, COUNT(*) AS n FROM doorVisits WHERE siteId = ? AND campaignId = ? GROUP BY householdId',
    siteId,
    campaignId,
  );
  const visitCount = new Map(visits.map((v) => [v.householdId, v.n]));
  const out = new Map<string, string>();
  for (const h of households(site)) {
    const open = openRevisitRequest(
      requests.filter((r) => r.householdId === h.id),
      visitCount.get(h.id) ?? 0,
    );
    out.set(h.id, boardState({ counts: h.counts, door: h.door, revisitRequested: open !== null }));
  }
  return out;
}

/** The signed-in person's token, as the phone keeps it (huiju-sessions in IndexedDB). */
export const readToken = () =>
  new Promise<string>((resolve, reject) => {
    const open = indexedDB.open('huiju-sessions');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(['current', 'sessions'], 'readonly');
      const pointer = tx.objectStore('current').get('current');
      pointer.onsuccess = () => {
        const session = tx.objectStore('sessions').get(pointer.result.userId);
        session.onsuccess = () => resolve(session.result.token);
      };
    };
  });

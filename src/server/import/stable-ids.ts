import { createHash } from 'node:crypto';

/**
 * Ids for rows the import creates, derived from what identifies them (the
 * site and the ID number; the site and a place's names), so importing the
 * same file twice, or on two servers, gives the same ids and never doubles a
 * person. 24 hex characters of SHA-256: collisions are not a practical concern
 * at roster sizes, and the id stays short for IndexedDB keys.
 */
export function stableId(prefix: string, ...parts: string[]): string {
  const digest = createHash('sha256').update(parts.join('\u001f')).digest('hex');
  return `${prefix}-${digest.slice(0, 24)}`;
}

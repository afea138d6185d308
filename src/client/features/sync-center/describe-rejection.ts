import type { TFunction } from 'i18next';
import type { StoredRejection } from '../../db/database.js';

/** The reason, in the person's language, with ID-number and phone problems spelled out. */
export function rejectionReason(t: TFunction, r: StoredRejection): string {
  const problem = r.params.problem;
  if (r.code === 'id_number_invalid' && typeof problem === 'string')
    return t(`idProblem.${problem}`);
  if (r.code === 'phone_invalid' && typeof problem === 'string')
    return t(`phoneProblem.${problem}`);
  return t(`rejection.${r.code}`, r.params);
}

const HIDDEN =
  /^(id|at|campaignId|siteId|residentId|registrationId|householdId|employerId|namePinyin|nameInitials|clientId)$/;

/** What was entered, as short "field: value" lines (ids and technical fields left out). */
export function enteredLines(args: unknown): string[] {
  const lines: string[] = [];
  const visit = (value: unknown, depth: number) => {
    if (!value || typeof value !== 'object' || depth > 2) return;
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (HIDDEN.test(key)) continue;
      if (typeof v === 'string' || typeof v === 'number') lines.push(`${key}: ${v}`);
      else visit(v, depth + 1);
    }
  };
  visit(args, 0);
  return lines.slice(0, 8);
}

/** What the station's search box can hand to the add-resident form, so nothing is typed twice. */
export interface ResidentPrefill {
  name?: string;
  idNumber?: string;
  phone?: string;
}

export function prefillFromSearch(raw: string): ResidentPrefill {
  const q = raw.trim();
  if (/^\d{17}[\dXx]$/.test(q)) return { idNumber: q.toUpperCase() };
  if (/^1\d{10}$/.test(q)) return { phone: q };
  // Chinese names (with the middle dot of minority names), not pinyin initials.
  if (/^[\u3400-\u9fff·]{2,}$/u.test(q)) return { name: q };
  return {};
}

export function readPrefill(state: unknown): ResidentPrefill {
  if (!state || typeof state !== 'object') return {};
  const s = state as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const out: ResidentPrefill = {};
  const name = text(s.name);
  const idNumber = text(s.idNumber);
  const phone = text(s.phone);
  if (name) out.name = name;
  if (idNumber) out.idNumber = idNumber;
  if (phone) out.phone = phone;
  return out;
}

// Shared by the CSV imports (customers, purchases): which column each field comes from.

export type ColumnMapping<F extends string> = Partial<Record<F, string | null>>;
export type Columns<F extends string> = Partial<Record<F, { index: number; header: string }>>;

// Per field: the headers that name it exactly, then words a header may contain; compared
// without case, spaces or punctuation, and checked in this order.
export type HeaderWords<F extends string> = readonly (readonly [F, exact: readonly string[], contains: readonly string[]])[];

const squash = (header: string) => header.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

// A first guess at the mapping from the header row: exact words first, then headers that
// contain one (e.g. "No. Telefon Bimbit"). Each field and each column is used at most once.
export function guessColumns<F extends string>(headers: readonly string[], words: HeaderWords<F>): ColumnMapping<F> {
  const mapping: ColumnMapping<F> = {};
  const taken = new Set<number>();
  const squashed = headers.map(squash);
  for (const pass of ['exact', 'contains'] as const) {
    for (const [field, exact, contains] of words) {
      if (mapping[field]) continue;
      const index = squashed.findIndex((h, i) => !taken.has(i) && h !== '' && (pass === 'exact' ? exact.includes(h) : contains.some((w) => h.includes(w))));
      if (index === -1) continue;
      mapping[field] = headers[index] ?? null;
      taken.add(index);
    }
  }
  return mapping;
}

// Header names → column positions; the first column with a header wins.
export function resolveColumns<F extends string>(headers: readonly string[], mapping: ColumnMapping<F>, fields: readonly F[]): { columns: Columns<F>; missing: string[] } {
  const columns: Columns<F> = {};
  const missing: string[] = [];
  for (const field of fields) {
    const header = mapping[field];
    if (!header) continue;
    const index = headers.findIndex((h) => h.trim() === header.trim());
    if (index === -1) missing.push(header);
    else columns[field] = { index, header: headers[index] ?? header };
  }
  return { columns, missing };
}

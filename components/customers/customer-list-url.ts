// The customers page keeps its whole state in the URL (the same names as GET /api/v1/customers'
// query), so reload, back and forward show the same list.
export const listParamKeys = [
  'search',
  'state',
  'gender',
  'maritalStatus',
  'consentStatus',
  'tier',
  'ageMin',
  'ageMax',
  'lastInteractionWithinDays',
  'lastInteractionBefore',
  'sort',
  'order',
  'limit',
  'cursor',
  // The page number shown beside the count; the cursor decides the rows.
  'page',
] as const;
export type ListParamKey = (typeof listParamKeys)[number];
export type ListParams = Partial<Record<ListParamKey, string>>;

export const filterKeys = ['search', 'state', 'gender', 'maritalStatus', 'consentStatus', 'tier', 'ageMin', 'ageMax', 'lastInteractionWithinDays', 'lastInteractionBefore'] as const;

// `current` with `changes` applied (an empty string removes a key). Anything but a page step
// starts again at the first page.
export function applyChanges(current: ListParams, changes: ListParams): ListParams {
  const next: ListParams = { ...current, ...changes };
  const paging = Object.keys(changes).every((k) => k === 'cursor' || k === 'page');
  if (!paging) {
    delete next.cursor;
    delete next.page;
  }
  for (const key of listParamKeys) if (!next[key]) delete next[key];
  return next;
}

export function customersHref(current: ListParams, changes: ListParams): string {
  const next = applyChanges(current, changes);
  const query = new URLSearchParams();
  for (const key of listParamKeys) {
    const value = next[key];
    if (value) query.set(key, value);
  }
  const text = query.toString();
  return text ? `/customers?${text}` : '/customers';
}

export function hasFilters(params: ListParams): boolean {
  return filterKeys.some((k) => Boolean(params[k]));
}

'use client';

import { Search, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { consentStatuses, tiers } from '@/db/schema';
import { malaysianStates } from '@/lib/mykad/places';
import { tierLabels } from '@/lib/purchases/tier-labels';
import { consentLabels, genderLabels, maritalLabels } from './customer-labels';
import { filterKeys, hasFilters } from './customer-list-url';
import { LastMessageFilter } from './last-message-filter';
import { MultiSelectFilter } from './multi-select-filter';
import { useCustomerList } from './use-customer-list';

// Typing waits this long before the list reloads.
const TYPING_DELAY_MS = 400;

const stateOptions = malaysianStates.map((s) => ({ value: s.code, label: s.name }));
const genderOptions = Object.entries(genderLabels).map(([value, label]) => ({ value, label }));
const maritalOptions = Object.entries(maritalLabels).map(([value, label]) => ({ value, label }));
const consentOptions = consentStatuses.map((value) => ({ value, label: consentLabels[value] }));
const tierOptions = tiers.map((value) => ({ value, label: tierLabels.en[value] }));

const sortOptions = [
  ['created:desc', 'Newest customers'],
  ['created:asc', 'Oldest customers'],
  ['lastInteraction:desc', 'Latest message'],
  ['lastInteraction:asc', 'Longest silent'],
  ['name:asc', 'Name A–Z'],
  ['name:desc', 'Name Z–A'],
  ['inbound:desc', 'Most messages in'],
  ['inbound:asc', 'Fewest messages in'],
  ['outbound:desc', 'Most messages out'],
  ['outbound:asc', 'Fewest messages out'],
  ['age:asc', 'Youngest'],
  ['age:desc', 'Oldest'],
] as const;

// A text field that applies itself once typing stops; the URL stays the source of truth.
function useTypedParam(value: string | undefined, apply: (next: string) => void) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  useEffect(() => {
    if (text.trim() === (value ?? '')) return;
    const timer = setTimeout(() => apply(text.trim()), TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, value, apply]);
  return [text, setText] as const;
}

function AgeInput({ param, label }: { param: 'ageMin' | 'ageMax'; label: string }) {
  const { params, navigate } = useCustomerList();
  const [text, setText] = useTypedParam(params[param], (next) => {
    if (next === '' || /^\d{1,3}$/.test(next)) navigate({ [param]: next }, { replace: true });
  });
  return (
    <Input
      type="number"
      inputMode="numeric"
      min={0}
      max={130}
      value={text}
      onChange={(e) => setText(e.target.value)}
      aria-label={label}
      placeholder={param === 'ageMin' ? 'Age from' : 'to'}
      className="h-8 w-28"
    />
  );
}

const pageSizes = [25, 50, 100];

// `sort`, `order` and `limit` are the list's, defaults applied.
export function CustomerFilters({ sort, order, limit }: { sort: string; order: string; limit: number }) {
  const { params, navigate } = useCustomerList();
  const [search, setSearch] = useTypedParam(params.search, (next) => navigate({ search: next }, { replace: true }));
  return (
    <div className="mb-4 grid gap-3">
      <form role="search" className="relative max-w-md" onSubmit={(e) => e.preventDefault()}>
        <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden="true" />
        <Input type="search" value={search} onChange={(e) => setSearch(e.target.value)} aria-label="Search customers" placeholder="Search name or phone number" className="pl-9" />
      </form>
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Filters">
        <MultiSelectFilter label="State" param="state" options={stateOptions} />
        <MultiSelectFilter label="Gender" param="gender" options={genderOptions} />
        <MultiSelectFilter label="Marital status" param="maritalStatus" options={maritalOptions} />
        <MultiSelectFilter label="Consent" param="consentStatus" options={consentOptions} />
        <MultiSelectFilter label="Tier" param="tier" options={tierOptions} />
        <div className="flex items-center gap-1" role="group" aria-label="Age">
          <AgeInput param="ageMin" label="Youngest age" />
          <AgeInput param="ageMax" label="Oldest age" />
        </div>
        <LastMessageFilter />
        <NativeSelect
          aria-label="Sort by"
          value={`${sort}:${order}`}
          onChange={(e) => {
            const [nextSort, nextOrder] = e.target.value.split(':');
            navigate({ sort: nextSort, order: nextOrder });
          }}
          containerClassName="w-48"
          className="h-8"
        >
          {sortOptions.map(([value, label]) => (
            <NativeSelectOption key={value} value={value}>
              {label}
            </NativeSelectOption>
          ))}
        </NativeSelect>
        <NativeSelect aria-label="Rows per page" value={String(limit)} onChange={(e) => navigate({ limit: e.target.value })} containerClassName="w-36" className="h-8">
          {(pageSizes.includes(limit) ? pageSizes : [...pageSizes, limit]).map((n) => (
            <NativeSelectOption key={n} value={String(n)}>
              {n} per page
            </NativeSelectOption>
          ))}
        </NativeSelect>
        {hasFilters(params) ? (
          <Button variant="ghost" size="sm" onClick={() => navigate(Object.fromEntries(filterKeys.map((k) => [k, ''])))}>
            <X aria-hidden="true" />
            Clear all
          </Button>
        ) : null}
      </div>
    </div>
  );
}

'use client';

import { type ReactNode, createContext, useContext } from 'react';
import type { MultiSelectOption } from '@/components/ui/multi-select';
import type { FilterField } from '@/lib/segments/filter-schema';
import { choiceOptions } from './segment-fields';

// Choices that depend on the tenant (its contests), given by the page that renders the builder;
// the fixed ones (gender, state, tier…) come from segment-fields.
const FieldChoices = createContext<Partial<Record<FilterField, MultiSelectOption[]>>>({});

export function FieldChoicesProvider({ contests, children }: { contests: readonly { id: string; name: string }[]; children: ReactNode }) {
  const contestId = [{ value: '', label: 'Choose a contest…' }, ...contests.map((c) => ({ value: c.id, label: c.name }))];
  return <FieldChoices.Provider value={{ contestId }}>{children}</FieldChoices.Provider>;
}

export function useFieldChoices(field: FilterField): MultiSelectOption[] {
  const dynamic = useContext(FieldChoices);
  return choiceOptions[field] ?? dynamic[field] ?? [];
}

'use client';

import { useEffect, useState } from 'react';
import { MultiSelect } from '@/components/ui/multi-select';
import type { ListParamKey } from './customer-list-url';
import { useCustomerList } from './use-customer-list';

const split = (raw: string | undefined) => (raw ?? '').split(',').filter(Boolean);

// A filter of one or more values (comma-separated in the URL); each tick applies at once.
export function MultiSelectFilter({ label, param, options }: { label: string; param: ListParamKey; options: readonly { value: string; label: string }[] }) {
  const { params, navigate } = useCustomerList();
  const fromUrl = params[param];
  // Ticks made before the list reloads count too.
  const [selected, setSelected] = useState(() => split(fromUrl));
  useEffect(() => setSelected(split(fromUrl)), [fromUrl]);

  const apply = (next: string[]) => {
    setSelected(next);
    navigate({ [param]: next.join(',') });
  };
  return (
    <MultiSelect
      label={label}
      options={options}
      value={selected}
      onChange={apply}
      triggerLabel={`Filter by ${label.toLowerCase()}${selected.length > 0 ? `, ${selected.length} chosen` : ''}`}
    />
  );
}

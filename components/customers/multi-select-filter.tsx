'use client';

import { ChevronDown } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import type { ListParamKey } from './customer-list-url';
import { useCustomerList } from './use-customer-list';

const split = (raw: string | undefined) => (raw ?? '').split(',').filter(Boolean);

// A filter of one or more values (comma-separated in the URL). The menu stays open while
// values are ticked, and each tick applies at once.
export function MultiSelectFilter({ label, param, options }: { label: string; param: ListParamKey; options: readonly { value: string; label: string }[] }) {
  const { params, navigate } = useCustomerList();
  const fromUrl = params[param];
  // Ticks made before the list reloads count too.
  const [selected, setSelected] = useState(() => split(fromUrl));
  useEffect(() => setSelected(split(fromUrl)), [fromUrl]);

  const apply = (next: string[]) => {
    setSelected(next);
    navigate({ [param]: options.filter((o) => next.includes(o.value)).map((o) => o.value).join(',') });
  };
  const first = options.find((o) => o.value === selected[0]);
  const summary = selected.length === 0 ? label : selected.length === 1 && first ? `${label}: ${first.label}` : `${label}: ${selected.length}`;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant={selected.length > 0 ? 'secondary' : 'outline'} size="sm" aria-label={`Filter by ${label.toLowerCase()}${selected.length > 0 ? `, ${selected.length} chosen` : ''}`}>
          {summary}
          <ChevronDown aria-hidden="true" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="max-h-80">
        <DropdownMenuLabel>{label}</DropdownMenuLabel>
        {options.map((o) => (
          <DropdownMenuCheckboxItem
            key={o.value}
            checked={selected.includes(o.value)}
            onCheckedChange={(checked) => apply(checked === true ? [...selected, o.value] : selected.filter((v) => v !== o.value))}
            onSelect={(event) => event.preventDefault()}
          >
            {o.label}
          </DropdownMenuCheckboxItem>
        ))}
        {selected.length > 0 ? (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem onSelect={() => apply([])}>Clear {label.toLowerCase()}</DropdownMenuItem>
          </>
        ) : null}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

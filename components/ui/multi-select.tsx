'use client';

import { ChevronDown } from 'lucide-react';
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

export interface MultiSelectOption {
  value: string;
  label: string;
}

// A button that opens a checklist: the menu stays open while values are ticked, and each tick
// reports the new selection (in the options' order).
export function MultiSelect({
  label,
  options,
  value,
  onChange,
  triggerLabel,
  id,
  invalid,
  disabled,
}: {
  label: string;
  options: readonly MultiSelectOption[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  // The trigger's accessible name; by default the label and how many are chosen.
  triggerLabel?: string;
  id?: string;
  invalid?: boolean;
  disabled?: boolean;
}) {
  const apply = (next: readonly string[]) => onChange(options.filter((o) => next.includes(o.value)).map((o) => o.value));
  const first = options.find((o) => o.value === value[0]);
  const summary = value.length === 0 ? label : value.length === 1 && first ? `${label}: ${first.label}` : `${label}: ${value.length}`;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild disabled={disabled}>
        <Button
          id={id}
          variant={value.length > 0 ? 'secondary' : 'outline'}
          size="sm"
          aria-invalid={invalid || undefined}
          aria-label={triggerLabel ?? `${label}${value.length > 0 ? `, ${value.length} chosen` : ''}`}
        >
          {summary}
          <ChevronDown aria-hidden="true" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="max-h-80">
        <DropdownMenuLabel>{label}</DropdownMenuLabel>
        {options.map((o) => (
          <DropdownMenuCheckboxItem
            key={o.value}
            checked={value.includes(o.value)}
            onCheckedChange={(checked) => apply(checked === true ? [...value, o.value] : value.filter((v) => v !== o.value))}
            onSelect={(event) => event.preventDefault()}
          >
            {o.label}
          </DropdownMenuCheckboxItem>
        ))}
        {value.length > 0 ? (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem onSelect={() => apply([])}>Clear {label.toLowerCase()}</DropdownMenuItem>
          </>
        ) : null}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

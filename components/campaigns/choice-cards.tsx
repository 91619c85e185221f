'use client';

import { cn } from '@/lib/utils';

// A radio group drawn as cards: native radios, so arrow keys move between choices.
export function ChoiceCards<V extends string>({
  legend,
  name,
  choices,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  choices: readonly { value: V; label: string; description: string }[];
  value: V;
  onChange: (value: V) => void;
}) {
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-2 text-sm font-medium">{legend}</legend>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {choices.map((c) => (
          <label
            key={c.value}
            className={cn(
              'flex cursor-pointer items-start gap-3 rounded-lg border p-3 text-sm transition-colors has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50',
              value === c.value ? 'border-primary bg-primary/5' : 'hover:bg-accent',
            )}
          >
            <input type="radio" name={name} value={c.value} checked={value === c.value} onChange={() => onChange(c.value)} className="mt-0.5 accent-primary" />
            <span className="grid gap-0.5">
              <span className="font-medium">{c.label}</span>
              <span className="text-muted-foreground">{c.description}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

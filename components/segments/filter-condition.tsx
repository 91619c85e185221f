'use client';

import { Input } from '@/components/ui/input';
import { MultiSelect } from '@/components/ui/multi-select';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import type { FilterField, FilterOp } from '@/lib/segments/filter-schema';
import { type DraftLeaf, valueShape, withField, withOp } from './draft-tree';
import { useFieldChoices } from './field-choices';
import { fieldKinds, fieldLabels, filterFields, opLabel, operatorsOf } from './segment-fields';

const isField = (v: string): v is FilterField => (filterFields as string[]).includes(v);

function OneValue({ leaf, label, value, onChange, invalid }: { leaf: DraftLeaf; label: string; value: string; onChange: (v: string) => void; invalid: boolean }) {
  const kind = fieldKinds[leaf.field];
  const choices = useFieldChoices(leaf.field);
  const days = leaf.op === 'withinDays' || leaf.op === 'olderThanDays';
  if (kind === 'yesNo' || (kind === 'choice' && !days)) {
    const options = kind === 'yesNo' ? [{ value: 'true', label: 'Yes' }, { value: 'false', label: 'No' }] : choices;
    return (
      <NativeSelect aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid || undefined} containerClassName="w-44">
        {options.map((o) => (
          <NativeSelectOption key={o.value} value={o.value}>
            {o.label}
          </NativeSelectOption>
        ))}
      </NativeSelect>
    );
  }
  const date = kind === 'date' && !days;
  return (
    <span className="inline-flex items-center gap-1.5">
      <Input
        aria-label={label}
        type={date ? 'date' : 'text'}
        inputMode={date ? undefined : kind === 'money' ? 'decimal' : 'numeric'}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid || undefined}
        className={date ? 'h-9 w-40' : 'h-9 w-24'}
        placeholder={kind === 'money' && !days ? '0.00' : undefined}
      />
      {days ? <span className="text-sm text-muted-foreground">days</span> : null}
    </span>
  );
}

// One condition: field → operator → value, each control named for screen readers; the
// value widget follows the operator (none, one, a list or a range).
export function FilterCondition({ leaf, position, errors, onChange }: { leaf: DraftLeaf; position: string; errors: string[]; onChange: (next: DraftLeaf) => void }) {
  const invalid = errors.length > 0;
  const choices = useFieldChoices(leaf.field);
  const shape = valueShape(leaf.op);
  const values = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
  const setValue = (i: number, v: string) => onChange({ ...leaf, value: shape === 'range' ? values.map((old, j) => (j === i ? v : old)) : v });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <NativeSelect aria-label={`${position}: field`} value={leaf.field} onChange={(e) => isField(e.target.value) && onChange(withField(leaf, e.target.value))} containerClassName="w-52">
        {filterFields.map((f) => (
          <NativeSelectOption key={f} value={f}>
            {fieldLabels[f]}
          </NativeSelectOption>
        ))}
      </NativeSelect>
      <NativeSelect aria-label={`${position}: operator`} value={leaf.op} onChange={(e) => onChange(withOp(leaf, e.target.value as FilterOp))} containerClassName="w-48">
        {operatorsOf(leaf.field).map((op) => (
          <NativeSelectOption key={op} value={op}>
            {opLabel(leaf.field, op)}
          </NativeSelectOption>
        ))}
      </NativeSelect>
      {shape === 'list' ? (
        <MultiSelect label={fieldLabels[leaf.field]} triggerLabel={`${position}: values`} options={choices} value={values} onChange={(next) => onChange({ ...leaf, value: next })} invalid={invalid} />
      ) : shape === 'range' ? (
        <>
          <OneValue leaf={leaf} label={`${position}: from`} value={values[0] ?? ''} onChange={(v) => setValue(0, v)} invalid={invalid} />
          <span className="text-sm text-muted-foreground">and</span>
          <OneValue leaf={leaf} label={`${position}: to`} value={values[1] ?? ''} onChange={(v) => setValue(1, v)} invalid={invalid} />
        </>
      ) : shape === 'one' ? (
        <OneValue leaf={leaf} label={`${position}: value`} value={values[0] ?? ''} onChange={(v) => setValue(0, v)} invalid={invalid} />
      ) : null}
    </div>
  );
}

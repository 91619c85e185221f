'use client';

import { FormField } from '@/components/ui/form-field';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { type ImportField, type ImportMapping, importFieldLabels, importFields } from '@/lib/customers/import/fields';

const hints: Partial<Record<ImportField, string>> = {
  phone: 'Required. Malaysian numbers may be written 012-345 6789.',
  icNumber: 'Sets date of birth, birth state and gender; stored encrypted.',
  consent: 'Yes/no (YA/TIDAK). Imported only with evidence.',
  consentEvidence: 'Where and when the customer agreed, e.g. “signed form 2026-01-05”.',
};

// One select per field: which column of the file it comes from.
export function ImportMappingFields({ headers, mapping, onChange, disabled }: { headers: string[]; mapping: ImportMapping; onChange: (next: ImportMapping) => void; disabled: boolean }) {
  // A header that repeats names its first column; a column without a header cannot be chosen.
  const columns = [...new Set(headers.filter((h) => h !== ''))];
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {importFields.map((field) => (
        <FormField key={field} className="content-start" label={importFieldLabels[field]} htmlFor={`map-${field}`} hint={hints[field]} required={field === 'phone'}>
          <NativeSelect
            id={`map-${field}`}
            value={mapping[field] ?? ''}
            disabled={disabled}
            onChange={(e) => onChange({ ...mapping, [field]: e.target.value || null })}
          >
            <NativeSelectOption value="">Not imported</NativeSelectOption>
            {columns.map((h) => (
              <NativeSelectOption key={h} value={h}>
                {h}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </FormField>
      ))}
    </div>
  );
}

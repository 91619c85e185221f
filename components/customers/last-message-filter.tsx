'use client';

import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { todayInMalaysia } from '@/lib/mykad/mykad';
import { useCustomerList } from './use-customer-list';

const withinDays = [7, 30, 90, 365];
const BEFORE = 'before';

// "Last message": within the past N days, or none since a date (which includes customers who
// never wrote).
export function LastMessageFilter() {
  const { params, navigate } = useCustomerList();
  const within = params.lastInteractionWithinDays;
  const before = params.lastInteractionBefore;
  const days = within && !withinDays.includes(Number(within)) ? [...withinDays, Number(within)] : withinDays;
  const value = before ? BEFORE : within ? `within:${within}` : '';
  return (
    <div className="flex items-center gap-1">
      <NativeSelect
        aria-label="Last message"
        value={value}
        onChange={(e) => {
          const next = e.target.value;
          if (next === BEFORE) {
            const ninetyDaysAgo = todayInMalaysia(new Date(Date.now() - 90 * 86_400_000));
            navigate({ lastInteractionWithinDays: '', lastInteractionBefore: ninetyDaysAgo });
          } else navigate({ lastInteractionWithinDays: next.replace('within:', ''), lastInteractionBefore: '' });
        }}
        containerClassName="w-56"
        className="h-8"
      >
        <NativeSelectOption value="">Last message: any time</NativeSelectOption>
        {days.map((d) => (
          <NativeSelectOption key={d} value={`within:${d}`}>
            Last message: past {d} days
          </NativeSelectOption>
        ))}
        <NativeSelectOption value={BEFORE}>No message since…</NativeSelectOption>
      </NativeSelect>
      {before ? (
        <Input
          type="date"
          aria-label="No message since"
          value={before}
          max={todayInMalaysia()}
          onChange={(e) => e.target.value && navigate({ lastInteractionBefore: e.target.value })}
          className="h-8 w-40"
        />
      ) : null}
    </div>
  );
}

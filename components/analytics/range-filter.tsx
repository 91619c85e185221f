import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';

const QUICK = [7, 30, 90] as const;

// The range (Malaysian days) and channel, as a plain GET form: the URL is the state.
export function RangeFilter({ from, to, channelId, channels, quick }: { from: string; to: string; channelId: string | null; channels: { id: string; name: string }[]; quick: Record<number, { from: string; to: string }> }) {
  const channelParam = channelId ? `&channelId=${channelId}` : '';
  return (
    <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Range and channel">
      <div className="grid gap-1.5">
        <Label htmlFor="from">From</Label>
        <Input id="from" name="from" type="date" defaultValue={from} className="w-40" />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="to">To</Label>
        <Input id="to" name="to" type="date" defaultValue={to} className="w-40" />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="channelId">Channel</Label>
        <NativeSelect id="channelId" name="channelId" defaultValue={channelId ?? ''} className="w-48">
          <NativeSelectOption value="">All channels</NativeSelectOption>
          {channels.map((c) => (
            <NativeSelectOption key={c.id} value={c.id}>
              {c.name}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </div>
      <Button type="submit">Apply</Button>
      <div className="flex gap-1">
        {QUICK.map((n) => (
          <Button key={n} asChild variant="ghost" size="sm">
            <Link href={`/analytics?from=${quick[n]?.from}&to=${quick[n]?.to}${channelParam}`}>Last {n} days</Link>
          </Button>
        ))}
      </div>
    </form>
  );
}

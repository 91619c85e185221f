import Link from 'next/link';
import { cn } from '@/lib/utils';

// A row of links that filter a list by one value; "All" clears it. Server-rendered.
export function FilterPills({ label, options, current, href }: { label: string; options: readonly { value: string; label: string }[]; current: string | null; href: (value: string | null) => string }) {
  return (
    <nav aria-label={label} className="flex flex-wrap gap-1">
      {[{ value: null, label: 'All' }, ...options].map((o) => (
        <Link
          key={o.value ?? 'all'}
          href={href(o.value)}
          scroll={false}
          aria-current={o.value === current ? 'page' : undefined}
          className={cn('rounded-full px-3 py-1 text-sm', o.value === current ? 'bg-primary text-primary-foreground' : 'text-muted-foreground hover:bg-accent')}
        >
          {o.label}
        </Link>
      ))}
    </nav>
  );
}

'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/utils';

// Links between the pages of one section (PDPA, Receipts & IC), the current one marked.
export function SectionTabs({ label, items }: { label: string; items: readonly { href: string; label: string }[] }) {
  // Null only while a Pages Router page renders; every page here is an App Router page.
  const pathname = usePathname() ?? '';
  return (
    <nav aria-label={label} className="mb-6 flex flex-wrap gap-2">
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={pathname === item.href ? 'page' : undefined}
          className={cn('rounded-md px-3 py-1.5 text-sm font-medium text-muted-foreground hover:bg-accent hover:text-foreground', pathname === item.href && 'bg-accent text-foreground')}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}

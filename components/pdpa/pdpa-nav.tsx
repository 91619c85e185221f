'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/utils';

const items = [
  { href: '/settings/pdpa', label: 'Notice and retention' },
  { href: '/settings/pdpa/requests', label: 'Data requests' },
  { href: '/settings/pdpa/breaches', label: 'Breach register' },
];

export function PdpaNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="PDPA" className="mb-6 flex flex-wrap gap-2">
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

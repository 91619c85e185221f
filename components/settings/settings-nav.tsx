'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/utils';

export function SettingsNav({ isAdmin }: { isAdmin: boolean }) {
  const pathname = usePathname();
  const items = [{ href: '/settings', label: 'Your account' }, ...(isAdmin ? [{ href: '/settings/team', label: 'Team' }, { href: '/settings/api-keys', label: 'API keys' }] : [])];
  return (
    <nav aria-label="Settings" className="mb-6 flex gap-1 overflow-x-auto border-b">
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={pathname === item.href ? 'page' : undefined}
          className={cn(
            '-mb-px whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm font-medium text-muted-foreground hover:text-foreground',
            pathname === item.href && 'border-primary text-foreground',
          )}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}

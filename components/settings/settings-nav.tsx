'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/utils';

export function SettingsNav({ isAdmin }: { isAdmin: boolean }) {
  // Null only while a Pages Router page renders; every page here is an App Router page.
  const pathname = usePathname() ?? '';
  const adminItems = [
    { href: '/settings/team', label: 'Team' },
    { href: '/settings/whatsapp', label: 'WhatsApp' },
    { href: '/settings/templates', label: 'Templates' },
    { href: '/settings/api-keys', label: 'API keys' },
    { href: '/settings/pdpa', label: 'PDPA' },
    { href: '/settings/tiers', label: 'Tiers' },
  ];
  const items = [{ href: '/settings', label: 'Your account' }, ...(isAdmin ? adminItems : [])];
  return (
    <nav aria-label="Settings" className="mb-6 flex gap-1 overflow-x-auto border-b">
      {items.map((item) => {
        // A tab stays current on its sub-pages (/settings/templates/new).
        const current = pathname === item.href || (item.href !== '/settings' && pathname.startsWith(`${item.href}/`));
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={current ? 'page' : undefined}
            className={cn(
              '-mb-px whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm font-medium text-muted-foreground hover:text-foreground',
              current && 'border-primary text-foreground',
            )}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}

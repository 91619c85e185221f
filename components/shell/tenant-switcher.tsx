'use client';

import { Check, ChevronsUpDown, Plus } from 'lucide-react';
import Link from 'next/link';
import { useTransition } from 'react';
import { switchTenantAction } from '@/app/(app)/actions';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';

interface TenantOption {
  id: string;
  name: string;
  role: string;
}

export function TenantSwitcher({ tenants, currentId }: { tenants: TenantOption[]; currentId: string }) {
  const [pending, startTransition] = useTransition();
  const current = tenants.find((t) => t.id === currentId);
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" className="w-full justify-between" aria-label="Switch business" disabled={pending}>
          <span className="truncate">{current?.name ?? 'Choose a business'}</span>
          <ChevronsUpDown className="size-4 opacity-60" aria-hidden="true" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-64" align="start">
        <DropdownMenuLabel>Businesses</DropdownMenuLabel>
        {tenants.map((t) => (
          <DropdownMenuItem key={t.id} onSelect={() => startTransition(() => switchTenantAction(t.id))}>
            <span className="flex-1 truncate">{t.name}</span>
            <span className="text-xs text-muted-foreground">{t.role}</span>
            {t.id === currentId ? <Check className="size-4" aria-label="current" /> : null}
          </DropdownMenuItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/onboarding">
            <Plus className="size-4" aria-hidden="true" /> New business
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

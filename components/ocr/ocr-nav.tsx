'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/utils';

// To review | OCR log; a job's own page belongs to neither tab.
export function OcrNav({ inReview }: { inReview: number }) {
  const pathname = usePathname();
  const items = [
    { href: '/ocr', label: inReview > 0 ? `To review (${inReview})` : 'To review' },
    { href: '/ocr/log', label: 'OCR log' },
  ];
  return (
    <nav aria-label="OCR" className="mb-6 flex flex-wrap gap-2">
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

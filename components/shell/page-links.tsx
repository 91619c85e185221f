import Link from 'next/link';
import { Button } from '@/components/ui/button';

// "Newest" and "Older" under a keyset-paged list: `first` is the list's own address, `next`
// the cursor of the following page (null on the last one).
export function PageLinks({ first, onFirstPage, next }: { first: string; onFirstPage: boolean; next: string | null }) {
  if (onFirstPage && !next) return null;
  const join = first.includes('?') ? '&' : '?';
  return (
    <div className="flex gap-2 px-2 pb-1">
      {onFirstPage ? null : (
        <Button asChild variant="outline" size="sm">
          <Link href={first}>Newest</Link>
        </Button>
      )}
      {next ? (
        <Button asChild variant="outline" size="sm">
          <Link href={`${first}${join}cursor=${next}`}>Older</Link>
        </Button>
      ) : null}
    </div>
  );
}

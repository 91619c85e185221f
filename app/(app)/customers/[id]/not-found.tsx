import { UserX } from 'lucide-react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

export default function CustomerNotFound() {
  return (
    <EmptyState
      icon={UserX}
      title="No such customer"
      description="The customer may have been deleted, or the link belongs to another business."
      action={
        <Button asChild variant="outline">
          <Link href="/customers">All customers</Link>
        </Button>
      }
    />
  );
}

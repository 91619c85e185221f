import { ShieldAlert } from 'lucide-react';
import { EmptyState } from '@/components/ui/empty-state';

export function Forbidden({ what }: { what: string }) {
  return <EmptyState icon={ShieldAlert} title="You don't have access" description={`${what} is for owners and admins. Ask one of them if you need a change.`} />;
}

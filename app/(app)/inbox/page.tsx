import type { Metadata } from 'next';
import { SectionPlaceholder } from '@/components/shell/section-placeholder';

export const metadata: Metadata = { title: 'Inbox' };

export default function InboxPage() {
  return <SectionPlaceholder section="inbox" />;
}

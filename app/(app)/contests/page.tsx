import type { Metadata } from 'next';
import { SectionPlaceholder } from '@/components/shell/section-placeholder';

export const metadata: Metadata = { title: 'Contests' };

export default function ContestsPage() {
  return <SectionPlaceholder section="contests" />;
}

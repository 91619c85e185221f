import type { Metadata } from 'next';
import { SectionPlaceholder } from '@/components/shell/section-placeholder';

export const metadata: Metadata = { title: 'Segments' };

export default function SegmentsPage() {
  return <SectionPlaceholder section="segments" />;
}

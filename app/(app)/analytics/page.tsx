import type { Metadata } from 'next';
import { SectionPlaceholder } from '@/components/shell/section-placeholder';

export const metadata: Metadata = { title: 'Analytics' };

export default function AnalyticsPage() {
  return <SectionPlaceholder section="analytics" />;
}

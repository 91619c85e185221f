import type { Metadata } from 'next';
import { SectionPlaceholder } from '@/components/shell/section-placeholder';

export const metadata: Metadata = { title: 'Customers' };

export default function CustomersPage() {
  return <SectionPlaceholder section="customers" />;
}

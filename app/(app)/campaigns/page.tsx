import type { Metadata } from 'next';
import { SectionPlaceholder } from '@/components/shell/section-placeholder';

export const metadata: Metadata = { title: 'Campaigns' };

export default function CampaignsPage() {
  return <SectionPlaceholder section="campaigns" />;
}

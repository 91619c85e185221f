import { BarChart3, Gift, Megaphone } from 'lucide-react';
import { PageHeader } from '@/components/shell/page-header';
import { EmptyState } from '@/components/ui/empty-state';

// Sections whose features land in later issues show what they will hold.
const sections = {
  campaigns: {
    title: 'Campaigns',
    icon: Megaphone,
    description: 'Scheduled bulk messages, sent only to customers who consented.',
    emptyTitle: 'No campaigns yet',
    emptyDescription: 'Create a campaign to message a segment at the pace WhatsApp allows.',
  },
  contests: {
    title: 'Contests',
    icon: Gift,
    description: '"Send your receipt, win a prize" promotions over WhatsApp.',
    emptyTitle: 'No contests yet',
    emptyDescription: 'Run a contest with a keyword or receipt entry and an auditable draw.',
  },
  analytics: {
    title: 'Analytics',
    icon: BarChart3,
    description: 'Messages, consent, customers, purchases and campaigns at a glance.',
    emptyTitle: 'Nothing to chart yet',
    emptyDescription: 'Analytics fill in as messages, customers and purchases arrive.',
  },
} as const;

export type Section = keyof typeof sections;


export function SectionPlaceholder({ section }: { section: Section }) {
  const s = sections[section];
  return (
    <>
      <PageHeader title={s.title} description={s.description} />
      <EmptyState icon={s.icon} title={s.emptyTitle} description={s.emptyDescription} />
    </>
  );
}

import { SectionTabs } from '@/components/shell/section-tabs';

const items = [
  { href: '/settings/pdpa', label: 'Notice and retention' },
  { href: '/settings/pdpa/requests', label: 'Data requests' },
  { href: '/settings/pdpa/breaches', label: 'Breach register' },
];

export function PdpaNav() {
  return <SectionTabs label="PDPA" items={items} />;
}

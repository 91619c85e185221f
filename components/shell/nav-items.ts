import { BarChart3, Gift, Inbox, LayoutDashboard, Megaphone, ScanText, Settings, Shapes, Users } from 'lucide-react';

export const navItems = [
  { href: '/dashboard', label: 'Dashboard', icon: LayoutDashboard },
  { href: '/inbox', label: 'Inbox', icon: Inbox },
  { href: '/customers', label: 'Customers', icon: Users },
  { href: '/ocr', label: 'Receipts & IC', icon: ScanText },
  { href: '/segments', label: 'Segments', icon: Shapes },
  { href: '/campaigns', label: 'Campaigns', icon: Megaphone },
  { href: '/contests', label: 'Contests', icon: Gift },
  { href: '/analytics', label: 'Analytics', icon: BarChart3 },
  { href: '/settings', label: 'Settings', icon: Settings },
] as const;

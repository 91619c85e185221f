import { BadgeCheck, Gift, IdCard, Megaphone, MessageSquare, ReceiptText } from 'lucide-react';
import Link from 'next/link';
import { Logo } from '@/components/brand/logo';
import { ThemeToggle } from '@/components/theme-toggle';
import { Button } from '@/components/ui/button';

const features = [
  { icon: BadgeCheck, title: 'PDPA-grade consent', text: 'Asks for consent in Bahasa Malaysia and English, honours STOP at once, and keeps an append-only audit trail.' },
  { icon: IdCard, title: 'MyKad profiles', text: 'Age, gender and birth state from the IC number, encrypted at rest and masked for agents.' },
  { icon: ReceiptText, title: 'Receipt OCR', text: 'Customers send a photo of their receipt; Sembang records the purchase and updates their loyalty tier.' },
  { icon: Megaphone, title: 'Campaigns that respect consent', text: 'Segment by spend, age, state and tier, and send at the pace WhatsApp allows — never to anyone who opted out.' },
  { icon: Gift, title: 'Contests over WhatsApp', text: '“Send your receipt, win a prize” promotions with a draw anyone can verify.' },
  { icon: MessageSquare, title: 'A shared team inbox', text: 'Your whole team answers WhatsApp chats from one place, with templates outside the 24-hour window.' },
];

export default function LandingPage() {
  return (
    <div className="min-h-dvh">
      <header className="mx-auto flex max-w-6xl items-center justify-between px-6 py-4">
        <Logo />
        <nav className="flex items-center gap-2">
          <ThemeToggle />
          <Button asChild variant="ghost">
            <Link href="/login">Log in</Link>
          </Button>
          <Button asChild>
            <Link href="/signup">Sign up</Link>
          </Button>
        </nav>
      </header>
      <main className="mx-auto max-w-6xl px-6">
        <section className="grid gap-6 py-16 text-center sm:py-24">
          <p className="text-sm font-medium uppercase tracking-widest text-primary">WhatsApp CRM for Malaysian businesses</p>
          <h1 className="mx-auto max-w-3xl text-4xl font-bold tracking-tight text-balance sm:text-5xl">
            Turn WhatsApp chats into customers you may lawfully market to
          </h1>
          <p className="mx-auto max-w-2xl text-lg text-muted-foreground text-balance">
            Sembang collects PDPA consent, builds profiles from MyKad numbers, reads receipts, and sends campaigns and contests only to the people who said yes.
          </p>
          <div className="flex flex-wrap justify-center gap-3">
            <Button asChild size="lg">
              <Link href="/signup">Create your business account</Link>
            </Button>
            <Button asChild size="lg" variant="outline">
              <Link href="/login">Log in</Link>
            </Button>
          </div>
        </section>
        <section aria-label="Features" className="grid gap-6 pb-24 sm:grid-cols-2 lg:grid-cols-3">
          {features.map(({ icon: Icon, title, text }) => (
            <div key={title} className="rounded-xl border bg-card p-6">
              <Icon className="mb-3 size-6 text-primary" aria-hidden="true" />
              <h2 className="mb-1 font-semibold">{title}</h2>
              <p className="text-sm text-muted-foreground">{text}</p>
            </div>
          ))}
        </section>
      </main>
      <footer className="border-t py-6 text-center text-sm text-muted-foreground">Sembang — made for Malaysia.</footer>
    </div>
  );
}

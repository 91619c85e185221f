'use client';

import { UserPlus } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { FormError, FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { formatListTime } from '@/lib/inbox/format';
import { cn } from '@/lib/utils';
import { randomSimulatorPhone } from '@/lib/whatsapp/sandbox/random-phone';
import type { SimulatedCustomerSummary, SimulatorThread } from '@/lib/whatsapp/sandbox/thread';
import { PhonePanel, type SimulatorLimits } from './phone-panel';
import { useSimulatorState } from './use-simulator-state';

interface Player {
  phone: string;
  profileName: string | null;
}

// Plays one or many customers of the tenant's sandbox number.
export function Simulator({ initialCustomers, defaultPhone, limits }: { initialCustomers: SimulatedCustomerSummary[]; defaultPhone: string; limits: SimulatorLimits }) {
  const first = initialCustomers[0];
  const [active, setActive] = useState<Player | null>(first?.phone ? { phone: first.phone, profileName: first.profileName } : null);
  // Customers started here who have not written yet.
  const [started, setStarted] = useState<Player[]>([]);
  const [newPhone, setNewPhone] = useState(defaultPhone);
  const [newName, setNewName] = useState('Nur Aisyah');
  const [startError, setStartError] = useState<string | null>(null);
  const { customers, thread, error, refresh } = useSimulatorState(active?.phone ?? null, initialCustomers);

  const known = new Set(customers.map((c) => c.phone));
  const players: (Player & { name: string; summary?: SimulatedCustomerSummary })[] = [
    ...started.filter((p) => !known.has(p.phone)).map((p) => ({ ...p, name: p.profileName ?? p.phone })),
    ...customers.flatMap((c) => (c.phone ? [{ phone: c.phone, profileName: c.profileName, name: c.name, summary: c }] : [])),
  ];

  async function start(event: React.FormEvent) {
    event.preventDefault();
    // The server reads the number as WhatsApp would and answers it as E.164.
    const res = await fetch(`/simulator/state?phone=${encodeURIComponent(newPhone)}`, { cache: 'no-store' });
    const body = (await res.json()) as { thread?: SimulatorThread; detail?: string };
    if (!res.ok || !body.thread) return setStartError(body.detail ?? 'Enter a valid phone number.');
    const player = { phone: body.thread.phone, profileName: newName.trim() || null };
    setStartError(null);
    setStarted((list) => [player, ...list.filter((p) => p.phone !== player.phone)]);
    setActive(player);
    setNewPhone(randomSimulatorPhone());
  }

  const current = players.find((p) => p.phone === active?.phone);
  return (
    <div className="grid items-start gap-6 lg:grid-cols-[20rem_minmax(0,26rem)]">
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>New customer</CardTitle>
          </CardHeader>
          <CardContent>
            <form onSubmit={start} className="grid gap-3" noValidate>
              <FormField label="Phone number" htmlFor="simulator-phone" hint="E.164 or a Malaysian number.">
                <Input id="simulator-phone" value={newPhone} onChange={(e) => setNewPhone(e.target.value)} inputMode="tel" autoComplete="off" />
              </FormField>
              <FormField label="WhatsApp profile name" htmlFor="simulator-name" hint="Leave empty to test a customer without one.">
                <Input id="simulator-name" value={newName} onChange={(e) => setNewName(e.target.value)} maxLength={100} autoComplete="off" />
              </FormField>
              <FormError message={startError} />
              <Button type="submit">
                <UserPlus aria-hidden="true" />
                Start chatting
              </Button>
            </form>
          </CardContent>
        </Card>
        {players.length > 0 ? (
          <Card>
            <CardHeader>
              <CardTitle>Customers</CardTitle>
            </CardHeader>
            <CardContent>
              <ul className="grid max-h-[28rem] gap-1 overflow-y-auto" aria-label="Simulated customers">
                {players.map((p) => (
                  <li key={p.phone}>
                    <button
                      type="button"
                      aria-current={p.phone === active?.phone ? 'true' : undefined}
                      onClick={() => setActive({ phone: p.phone, profileName: p.profileName })}
                      className={cn('grid w-full rounded-md px-3 py-2 text-left text-sm hover:bg-accent', p.phone === active?.phone && 'bg-accent')}
                    >
                      <span className="flex items-baseline justify-between gap-2">
                        <span className="truncate font-medium">{p.name}</span>
                        {p.summary ? <span className="shrink-0 text-xs text-muted-foreground">{formatListTime(p.summary.lastMessageAt)}</span> : null}
                      </span>
                      <span className="truncate text-xs text-muted-foreground">{p.summary?.lastMessagePreview ?? p.phone}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </CardContent>
          </Card>
        ) : null}
      </div>
      <div className="grid gap-2">
        {error ? <FormError message={error} /> : null}
        {active ? (
          <PhonePanel
            key={active.phone}
            phone={active.phone}
            name={thread?.customer?.name ?? current?.name ?? active.phone}
            profileName={active.profileName}
            thread={thread}
            limits={limits}
            onSent={() => void refresh()}
          />
        ) : (
          <p className="rounded-lg border border-dashed p-8 text-center text-sm text-muted-foreground">Start chatting as a new customer to open their phone here.</p>
        )}
      </div>
    </div>
  );
}

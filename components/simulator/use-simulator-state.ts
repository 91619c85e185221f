'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { SimulatedCustomerSummary, SimulatorThread } from '@/lib/whatsapp/sandbox/thread';

const SIMULATOR_POLL_MS = 1500;

interface SimulatorState {
  customers: SimulatedCustomerSummary[];
  // For `phone`; null before the first answer.
  thread: SimulatorThread | null;
  phone: string | null;
}

// Polls GET /simulator/state for the customer list and the open customer's conversation,
// one request at a time; refresh() asks at once (after sending).
export function useSimulatorState(phone: string | null, initialCustomers: SimulatedCustomerSummary[]) {
  const [state, setState] = useState<SimulatorState>({ customers: initialCustomers, thread: null, phone: null });
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef<string | null | undefined>(undefined);
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    // One request at a time per customer; only the newest answer is shown.
    if (inFlight.current === phone) return;
    inFlight.current = phone;
    const seq = ++latest.current;
    try {
      const res = await fetch(`/simulator/state${phone ? `?phone=${encodeURIComponent(phone)}` : ''}`, { cache: 'no-store' });
      if (seq !== latest.current) return;
      if (!res.ok) {
        setError(((await res.json()) as { detail?: string }).detail ?? 'The simulator could not load the conversation.');
        return;
      }
      const body = (await res.json()) as Omit<SimulatorState, 'phone'>;
      setState({ ...body, phone });
      setError(null);
    } catch {
      // Offline for a moment: the next tick tries again.
    } finally {
      if (inFlight.current === phone) inFlight.current = undefined;
    }
  }, [phone]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), SIMULATOR_POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  // A thread answered for another customer (the user switched meanwhile) is not shown.
  const thread = state.phone === phone ? state.thread : null;
  return { customers: state.customers, thread, error, refresh };
}

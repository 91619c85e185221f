'use client';

import { useRouter } from 'next/navigation';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useTransition } from 'react';
import { type ListParams, applyChanges, customersHref } from './customer-list-url';

interface CustomerListState {
  params: ListParams;
  // True while the next list is loading.
  pending: boolean;
  // Typing replaces the history entry; a click adds one, so back returns to it.
  navigate(changes: ListParams, options?: { replace?: boolean }): void;
}

const CustomerListContext = createContext<CustomerListState | null>(null);

export function CustomerListProvider({ params, children }: { params: ListParams; children: React.ReactNode }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // Changes made while the list is still loading build on each other, not on the rendered URL.
  const latest = useRef(params);
  useEffect(() => {
    latest.current = params;
  }, [params]);
  const navigate = useCallback(
    (changes: ListParams, options: { replace?: boolean } = {}) => {
      const href = customersHref(latest.current, changes);
      latest.current = applyChanges(latest.current, changes);
      startTransition(() => (options.replace ? router.replace(href, { scroll: false }) : router.push(href, { scroll: false })));
    },
    [router],
  );
  const value = useMemo(() => ({ params, pending, navigate }), [params, pending, navigate]);
  return <CustomerListContext.Provider value={value}>{children}</CustomerListContext.Provider>;
}

export function useCustomerList(): CustomerListState {
  const state = useContext(CustomerListContext);
  if (!state) throw new Error('useCustomerList is used outside CustomerListProvider');
  return state;
}

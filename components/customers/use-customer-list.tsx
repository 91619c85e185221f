'use client';

import { useRouter } from 'next/navigation';
import { createContext, useCallback, useContext, useMemo, useTransition } from 'react';
import { type ListParams, customersHref } from './customer-list-url';

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
  const navigate = useCallback(
    (changes: ListParams, options: { replace?: boolean } = {}) => {
      const href = customersHref(params, changes);
      startTransition(() => (options.replace ? router.replace(href, { scroll: false }) : router.push(href, { scroll: false })));
    },
    [params, router],
  );
  const value = useMemo(() => ({ params, pending, navigate }), [params, pending, navigate]);
  return <CustomerListContext.Provider value={value}>{children}</CustomerListContext.Provider>;
}

export function useCustomerList(): CustomerListState {
  const state = useContext(CustomerListContext);
  if (!state) throw new Error('useCustomerList is used outside CustomerListProvider');
  return state;
}

'use client';

import { Plus, Search, X } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { searchCustomersAction } from '@/app/(app)/campaigns/actions';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Spinner } from '@/components/ui/spinner';
import type { PickedCustomer } from './campaign-draft';

const SEARCH_DELAY_MS = 300;

// Finds customers by name or phone (the customers list's search) and keeps a list of picks.
export function CustomerPicker({ label, hint, picked, onChange, testId }: { label: string; hint: string; picked: PickedCustomer[]; onChange: (next: PickedCustomer[]) => void; testId: string }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<PickedCustomer[]>([]);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const search = query.trim();
    if (search.length < 2) {
      setResults([]);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      setLoading(true);
      const form = new FormData();
      form.set('search', search);
      searchCustomersAction(null, form)
        .then((state) => {
          if (cancelled) return;
          if (state?.ok) setResults(state.data);
          setProblem(state?.ok ? null : 'Could not search customers. Try again.');
        })
        .catch(() => {
          if (!cancelled) setProblem('Could not reach Sembang. Check your connection and try again.');
        })
        .finally(() => {
          if (!cancelled) setLoading(false);
        });
    }, SEARCH_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query]);

  const chosen = new Set(picked.map((c) => c.id));
  return (
    <div className="grid gap-2" data-testid={testId}>
      <Label htmlFor={id}>{label}</Label>
      <div className="relative max-w-md">
        <Search className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground" aria-hidden="true" />
        <Input id={id} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Name or phone number" className="pl-8" aria-describedby={`${id}-hint`} />
        {loading ? <Spinner label="Searching customers" className="absolute top-2.5 right-2.5" /> : null}
      </div>
      <p id={`${id}-hint`} className="text-sm text-muted-foreground">
        {problem ?? hint}
      </p>
      {results.length > 0 ? (
        <ul className="grid max-w-md gap-1 rounded-md border p-1" aria-label={`${label}: search results`}>
          {results.map((c) => (
            <li key={c.id} className="flex items-center justify-between gap-2 rounded px-2 py-1 text-sm hover:bg-accent">
              <span className="truncate">
                {c.name} <span className="text-muted-foreground tabular-nums">{c.phone ?? ''}</span>
              </span>
              <Button type="button" size="sm" variant="ghost" disabled={chosen.has(c.id)} onClick={() => onChange([...picked, c])} aria-label={`Add ${c.name}`}>
                <Plus aria-hidden="true" />
                {chosen.has(c.id) ? 'Added' : 'Add'}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {picked.length > 0 ? (
        <ul className="flex flex-wrap gap-2" aria-label={`${label}: chosen`}>
          {picked.map((c) => (
            <li key={c.id}>
              <Badge variant="secondary" className="gap-1 py-1 pr-1 text-sm">
                {c.name}
                <button type="button" onClick={() => onChange(picked.filter((p) => p.id !== c.id))} aria-label={`Remove ${c.name}`} className="rounded hover:bg-background/60 focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none">
                  <X className="size-3.5" aria-hidden="true" />
                </button>
              </Badge>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

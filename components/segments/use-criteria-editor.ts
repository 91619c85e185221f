'use client';

import { useMemo, useState } from 'react';
import type { FieldError } from '@/lib/errors';
import { type SegmentCriteria, segmentCriteriaSchema } from '@/lib/segments/filter-schema';
import { simpleFromCriteria } from '@/lib/segments/simple';
import { type CompiledDraft, type DraftGroup, rootFromTree, treeFromDraft } from './draft-tree';
import { type SimpleFormState, emptySimpleForm, parseSimpleForm, simpleFormFromCriteria } from './simple-form-state';

export type EditorMode = 'simple' | 'advanced';

interface Derived {
  // What the API would take now; null while there is no condition or one is wrong.
  criteria: SegmentCriteria | null;
  simpleErrors: Record<string, string>;
  treeErrors: FieldError[];
  compiled: CompiledDraft | null;
  // Why there is no count to show, or null.
  waiting: string | null;
}

function derive(mode: EditorMode, form: SimpleFormState, draft: DraftGroup): Derived {
  const none = { criteria: null, simpleErrors: {}, treeErrors: [], compiled: null };
  const fix = 'Fix the conditions marked in red to see who matches.';
  const empty = 'Choose at least one condition to see who matches.';
  if (mode === 'simple') {
    const { criteria, errors } = parseSimpleForm(form);
    return { ...none, criteria, simpleErrors: errors, waiting: Object.keys(errors).length > 0 ? fix : criteria ? null : empty };
  }
  const compiled = treeFromDraft(draft);
  if (compiled.filter === null) return { ...none, compiled, waiting: empty };
  // The server's own check, run here first so errors show while typing.
  const parsed = segmentCriteriaSchema.safeParse({ filter: compiled.filter });
  if (parsed.success) return { ...none, criteria: parsed.data, compiled, waiting: null };
  const treeErrors = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
  return { ...none, compiled, treeErrors, waiting: fix };
}

// The builder's criteria in either form. A segment whose tree the simple form can show opens
// in it; any other opens in the advanced editor.
export function useCriteriaEditor(initial: SegmentCriteria | null) {
  const simple = initial ? simpleFromCriteria(initial) : null;
  const [mode, setMode] = useState<EditorMode>(initial && !simple ? 'advanced' : 'simple');
  const [form, setForm] = useState<SimpleFormState>(simple ? simpleFormFromCriteria(simple) : emptySimpleForm);
  const [draft, setDraft] = useState<DraftGroup>(() => rootFromTree(initial?.filter ?? null));
  const derived = useMemo(() => derive(mode, form, draft), [mode, form, draft]);

  // The simple form can take the advanced tree back only when it has that shape.
  const simpleFromDraft = mode === 'advanced' && derived.criteria ? simpleFromCriteria(derived.criteria) : null;
  const emptyDraft = mode === 'advanced' && derived.compiled?.filter === null;
  const switchBlocked =
    mode === 'simple'
      ? Object.keys(derived.simpleErrors).length > 0
        ? 'Fix the marked boxes before switching.'
        : null
      : simpleFromDraft || emptyDraft
        ? null
        : 'The simple form cannot show this filter (groups of "any", Not, or other operators): stay in advanced mode.';

  const switchTo = (next: EditorMode) => {
    if (next === mode || switchBlocked) return;
    if (next === 'advanced') setDraft(rootFromTree(derived.criteria?.filter ?? null));
    else setForm(simpleFromDraft ? simpleFormFromCriteria(simpleFromDraft) : emptySimpleForm);
    setMode(next);
  };

  return {
    mode,
    switchTo,
    switchBlocked,
    form,
    changeForm: (patch: Partial<SimpleFormState>) => setForm((f) => ({ ...f, ...patch })),
    draft,
    setDraft,
    ...derived,
  };
}

import type { ActionState } from '@/lib/actions/tenant-action';

type Action<R> = (previous: ActionState<R>, formData: FormData) => Promise<ActionState<R>>;

export type ActionAnswer<R> = { ok: true; data: R } | { ok: false; error: string; fieldErrors: Record<string, string> };

// Calls a campaign server action with its input as JSON in one field (lists and nested objects
// would not survive FormData), and turns a lost connection into an answer too.
export async function runAction<R>(action: Action<R>, payload: unknown): Promise<ActionAnswer<R>> {
  const form = new FormData();
  form.set('payload', JSON.stringify(payload));
  try {
    const state = await action(null, form);
    if (state?.ok) return { ok: true, data: state.data };
    return { ok: false, error: state?.error ?? 'Sembang could not do that.', fieldErrors: state?.fieldErrors ?? {} };
  } catch {
    return { ok: false, error: 'Could not reach Sembang. Check your connection and try again.', fieldErrors: {} };
  }
}

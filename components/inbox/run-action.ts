import type { ActionState } from '@/lib/actions/tenant-action';

type Action<R> = (previous: ActionState<R>, formData: FormData) => Promise<ActionState<R>>;

// Calls a tenantAction from an event handler rather than a <form>; a dropped connection
// comes back as a failure like any other.
export async function runAction<R>(action: Action<R>, fields: Record<string, string>): Promise<Exclude<ActionState<R>, null>> {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.set(name, value);
  try {
    const state = await action(null, formData);
    return state ?? { ok: false, error: 'No answer from the server.', fieldErrors: {}, values: {} };
  } catch {
    return { ok: false, error: 'Could not reach Sembang. Check your connection and try again.', fieldErrors: {}, values: {} };
  }
}

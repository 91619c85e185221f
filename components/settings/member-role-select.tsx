'use client';

import { useActionState, useEffect, useRef } from 'react';
import { changeRoleAction } from '@/app/(app)/settings/team/actions';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { toast } from '@/components/ui/sonner';

export function MemberRoleSelect({ userId, role, name, canGrantOwner }: { userId: string; role: string; name: string; canGrantOwner: boolean }) {
  const [state, action, pending] = useActionState(changeRoleAction, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok === false) toast.error(state.error);
    else if (state?.ok) toast.success(`${name} is now ${state.data.role}.`);
  }, [state, name]);
  return (
    <form action={action} ref={form}>
      <input type="hidden" name="userId" value={userId} />
      <NativeSelect
        name="role"
        aria-label={`Role of ${name}`}
        defaultValue={role}
        key={role}
        disabled={pending || (role === 'owner' && !canGrantOwner)}
        containerClassName="w-32"
        onChange={() => form.current?.requestSubmit()}
      >
        <NativeSelectOption value="agent">Agent</NativeSelectOption>
        <NativeSelectOption value="admin">Admin</NativeSelectOption>
        {canGrantOwner || role === 'owner' ? <NativeSelectOption value="owner">Owner</NativeSelectOption> : null}
      </NativeSelect>
    </form>
  );
}

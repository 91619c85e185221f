'use client';

import { ConfirmDeleteButton } from '@/components/shell/confirm-delete-button';
import { removeContest } from './contest-api';

// Only for a contest not drawn yet: a drawn one stays as the record of its draw.
export function DeleteContestButton({ id, name }: { id: string; name: string }) {
  return (
    <ConfirmDeleteButton
      remove={() => removeContest(id)}
      name={name}
      what="contest"
      description="The contest and its entries go for good; customers who entered stay. Nobody is told."
      backTo="/contests"
    />
  );
}

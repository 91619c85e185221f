import * as React from 'react';
import { Loader2Icon } from 'lucide-react';

import { cn } from '@/lib/utils';

type SpinnerProps = React.ComponentProps<typeof Loader2Icon> & {
  /** Accessible label announced to screen readers. */
  label?: string;
};

function Spinner({ className, label = 'Loading', ...props }: SpinnerProps) {
  return (
    <Loader2Icon
      data-slot="spinner"
      role="status"
      aria-label={label}
      className={cn('size-4 animate-spin', className)}
      {...props}
    />
  );
}

export { Spinner, type SpinnerProps };

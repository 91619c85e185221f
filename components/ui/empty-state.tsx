import * as React from 'react';
import type { LucideIcon } from 'lucide-react';

import { cn } from '@/lib/utils';

type EmptyStateProps = Omit<React.ComponentProps<'div'>, 'title'> & {
  /** A lucide icon component (e.g. `Inbox`) or a rendered element (e.g. `<Inbox />`). */
  icon?: LucideIcon | React.ReactElement;
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Call to action, e.g. a <Button> or <Button asChild><Link/></Button>. */
  action?: React.ReactNode;
  /** Heading element for the title; defaults to h2. */
  titleAs?: 'h2' | 'h3' | 'h4' | 'p';
};

function EmptyState({
  icon,
  title,
  description,
  action,
  titleAs: Title = 'h2',
  className,
  ...props
}: EmptyStateProps) {
  let iconNode: React.ReactNode = null;
  if (icon !== undefined) {
    if (React.isValidElement(icon)) {
      iconNode = icon;
    } else {
      const Icon = icon;
      iconNode = <Icon />;
    }
  }

  return (
    <div
      data-slot="empty-state"
      className={cn(
        'flex min-h-60 flex-col items-center justify-center gap-4 rounded-lg border border-dashed p-8 text-center text-balance md:p-12',
        className,
      )}
      {...props}
    >
      {iconNode !== null && (
        <div
          aria-hidden="true"
          className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground [&_svg]:pointer-events-none [&_svg:not([class*='size-'])]:size-6"
        >
          {iconNode}
        </div>
      )}
      <div className="flex max-w-sm flex-col items-center gap-1.5">
        <Title className="text-lg font-semibold tracking-tight">{title}</Title>
        {description ? (
          <div className="text-sm text-muted-foreground">{description}</div>
        ) : null}
      </div>
      {action ? (
        <div className="flex flex-wrap items-center justify-center gap-2">{action}</div>
      ) : null}
    </div>
  );
}

export { EmptyState, type EmptyStateProps };

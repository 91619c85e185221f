import { ArrowDownRight, ArrowUpRight, Minus } from 'lucide-react';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { DashboardFigure } from '@/lib/analytics/figures';
import { cn } from '@/lib/utils';


// One headline number with its change against the previous period.
export function FigureCard({ figure }: { figure: DashboardFigure }) {
  const good = figure.direction === 'flat' ? null : (figure.direction === 'up') === figure.upIsGood;
  const Icon = figure.direction === 'up' ? ArrowUpRight : figure.direction === 'down' ? ArrowDownRight : Minus;
  return (
    <Card data-testid="figure" title={figure.definition}>
      <CardHeader>
        <CardDescription>{figure.label}</CardDescription>
        <CardTitle className="text-2xl tabular-nums">{figure.value}</CardTitle>
        <p className={cn('flex items-center gap-1 text-xs', good === null ? 'text-muted-foreground' : good ? 'text-emerald-600 dark:text-emerald-400' : 'text-destructive')}>
          <Icon className="size-3.5" aria-hidden="true" />
          {figure.change === null ? 'no earlier data' : `${figure.change} vs previous period`}
        </p>
      </CardHeader>
    </Card>
  );
}

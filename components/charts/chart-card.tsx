'use client';

import { BarChart3, Download, Info } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip';
import { csvDocument } from '@/lib/csv/write';
import type { ChartRow, ChartSeries } from './chart-data';

export interface ChartCardProps {
  title: string;
  // The metric's definition, behind the info button (README § Analytics says the same).
  definition: string;
  description?: string;
  // The chart's own data: the CSV has the category column and one column per series.
  data: readonly ChartRow[];
  categoryKey: string;
  categoryLabel: string;
  series: readonly ChartSeries[];
  fileName: string;
  empty: boolean;
  emptyText?: string;
  testId: string;
  children: ReactNode;
}

function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}

// A chart with its definition, a CSV download of exactly the data it draws, and an empty state.
export function ChartCard(props: ChartCardProps) {
  const csv = () =>
    csvDocument(
      [props.categoryLabel, ...props.series.map((s) => s.name)],
      props.data.map((row) => [row[props.categoryKey], ...props.series.map((s) => (s.csv ? s.csv(row[s.key] ?? null) : row[s.key]))]),
    );
  return (
    <Card data-testid={props.testId} className="min-w-0">
      <CardHeader>
        <CardTitle className="flex items-center gap-1.5">
          {props.title}
          <Tooltip>
            <TooltipTrigger asChild>
              <button type="button" className="text-muted-foreground hover:text-foreground" aria-label={`How ${props.title} is counted`}>
                <Info className="size-4" aria-hidden="true" />
              </button>
            </TooltipTrigger>
            <TooltipContent className="max-w-xs">{props.definition}</TooltipContent>
          </Tooltip>
        </CardTitle>
        {props.description ? <CardDescription>{props.description}</CardDescription> : null}
        <CardAction>
          <Button variant="ghost" size="sm" disabled={props.empty} onClick={() => download(props.fileName, csv())}>
            <Download aria-hidden="true" />
            CSV
          </Button>
        </CardAction>
      </CardHeader>
      <CardContent>
        {props.empty ? (
          <EmptyState icon={BarChart3} title="Nothing to show yet" description={props.emptyText ?? 'No data in this range.'} titleAs="h3" className="min-h-48 p-6 md:p-6" />
        ) : (
          props.children
        )}
      </CardContent>
    </Card>
  );
}

import { Card, CardContent, CardHeader } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';

// The customer page's shape while its data loads.
export default function CustomerLoading() {
  return (
    <div aria-busy="true" aria-label="Loading the customer">
      <Skeleton className="mb-3 h-4 w-28" />
      <Skeleton className="mb-2 h-8 w-64" />
      <Skeleton className="mb-6 h-4 w-48" />
      <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
        <div className="grid gap-6">
          {[11, 6].map((rows) => (
            <Card key={rows}>
              <CardHeader>
                <Skeleton className="h-5 w-24" />
              </CardHeader>
              <CardContent className="grid gap-3">
                {Array.from({ length: rows }, (_, i) => (
                  <Skeleton key={i} className="h-4 w-full" />
                ))}
              </CardContent>
            </Card>
          ))}
        </div>
        <Card>
          <CardHeader>
            <Skeleton className="h-5 w-32" />
          </CardHeader>
          <CardContent className="grid gap-3">
            {Array.from({ length: 8 }, (_, i) => (
              <Skeleton key={i} className={i % 2 ? 'ml-auto h-10 w-1/2' : 'h-10 w-2/3'} />
            ))}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}

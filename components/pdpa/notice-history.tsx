import { Badge } from '@/components/ui/badge';
import type { NoticeVersion } from '@/lib/pdpa/settings';
import { dateTimeFormat } from './due-clock';

// Every version of the consent notice, newest first; each opens to the words customers saw.
export function NoticeHistory({ versions }: { versions: NoticeVersion[] }) {
  return (
    <ol className="grid gap-2" aria-label="Notice versions">
      {versions.map((v, i) => (
        <li key={v.version} className="rounded-md border" data-testid="notice-version">
          <details>
            <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-3 py-2 text-sm">
              <span className="font-medium">Version {v.version}</span>
              {i === 0 ? <Badge variant="success">Current</Badge> : null}
              <span className="text-muted-foreground">
                {dateTimeFormat.format(v.createdAt)}
                {v.createdByName ? ` · ${v.createdByName}` : ' · Sembang default'}
              </span>
            </summary>
            <dl className="grid gap-3 border-t px-3 py-3 text-sm">
              {(
                [
                  ['Bahasa Malaysia', v.bodyMs],
                  ['English', v.bodyEn],
                  ['Chinese', v.bodyZh],
                ] as const
              ).map(([label, body]) =>
                body ? (
                  <div key={label} className="grid gap-1">
                    <dt className="text-muted-foreground">{label}</dt>
                    <dd className="whitespace-pre-wrap">{body}</dd>
                  </div>
                ) : null,
              )}
            </dl>
          </details>
        </li>
      ))}
    </ol>
  );
}

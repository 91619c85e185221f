'use client';

import { FileText, ImageIcon, ImageOff } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import type { MessageMediaView } from '@/lib/inbox/views';
import { cn } from '@/lib/utils';

// The media route answers 404 until the file has been fetched from WhatsApp and stored.
const RETRY_MS = 3000;
const MAX_ATTEMPTS = 20;

export const mediaUrl = (mediaId: string) => `/api/media/${mediaId}`;

export function formatSize(bytes: number | null): string | null {
  if (bytes === null) return null;
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function MediaImage({ mediaId, media, alt, small = false }: { mediaId: string; media: MessageMediaView | null; alt: string; small?: boolean }) {
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState(false);
  const [retrying, setRetrying] = useState(false);
  const gaveUp = media?.status === 'failed' || attempt >= MAX_ATTEMPTS;
  useEffect(() => {
    if (!retrying) return;
    const timer = setTimeout(() => {
      setRetrying(false);
      setAttempt((a) => a + 1);
    }, RETRY_MS);
    return () => clearTimeout(timer);
  }, [retrying]);
  // A server-rendered image may finish (or fail) before hydration attaches onLoad/onError.
  const settled = useCallback((img: HTMLImageElement | null) => {
    if (!img?.complete) return;
    if (img.naturalWidth > 0) setLoaded(true);
    else setRetrying(true);
  }, []);
  const size = small ? 'size-32' : 'h-48 w-64 max-w-full';
  if (gaveUp) {
    return (
      <div className={cn('flex flex-col items-center justify-center gap-1 rounded-md bg-muted text-xs text-muted-foreground', size)}>
        <ImageOff className="size-6" aria-hidden="true" />
        The image could not be downloaded.
      </div>
    );
  }
  const src = attempt === 0 ? mediaUrl(mediaId) : `${mediaUrl(mediaId)}?attempt=${attempt}`;
  return (
    <a href={mediaUrl(mediaId)} target="_blank" rel="noreferrer" className="block w-fit rounded-md focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
      {loaded ? null : (
        <span role="status" className={cn('flex animate-pulse flex-col items-center justify-center gap-1 rounded-md bg-muted text-xs text-muted-foreground', size)}>
          <ImageIcon className="size-6" aria-hidden="true" />
          Loading image…
        </span>
      )}
      <img
        key={src}
        ref={settled}
        src={src}
        alt={alt}
        className={cn('rounded-md object-cover', small ? 'max-h-32 max-w-32' : 'max-h-72 max-w-full', loaded ? 'block' : 'hidden')}
        onLoad={() => setLoaded(true)}
        onError={() => setRetrying(true)}
      />
    </a>
  );
}

export function DocumentLink({ mediaId, media, fallbackName }: { mediaId: string; media: MessageMediaView | null; fallbackName: string }) {
  const name = media?.fileName ?? fallbackName;
  const details = [media?.mimeType?.split('/')[1]?.toUpperCase(), formatSize(media?.sizeBytes ?? null)].filter(Boolean).join(' · ');
  return (
    <a
      href={mediaUrl(mediaId)}
      download={name}
      className="flex min-w-0 items-center gap-3 rounded-md bg-black/5 p-2 hover:bg-black/10 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none dark:bg-white/10 dark:hover:bg-white/15"
    >
      <FileText className="size-8 shrink-0 text-muted-foreground" aria-hidden="true" />
      <span className="grid min-w-0">
        <span className="truncate font-medium">{name}</span>
        <span className="text-xs text-muted-foreground">{details ? `${details} · Download` : 'Download'}</span>
      </span>
    </a>
  );
}

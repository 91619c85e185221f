'use client';

import { ImagePlus, Trash2 } from 'lucide-react';
import { useId, useRef, useState } from 'react';
import { uploadCampaignMediaAction } from '@/app/(app)/campaigns/actions';
import { formatSize, mediaUrl } from '@/components/inbox/media-attachment';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { CAPTION_MAX } from '@/lib/campaigns/schema';
import { cn } from '@/lib/utils';
import type { DraftMedia } from './campaign-draft';

// WhatsApp's largest image or video (16 MB): anything bigger is refused before it is sent.
const MAX_UPLOAD_BYTES = 16 * 1024 * 1024;
const ACCEPT = 'image/jpeg,image/png,video/mp4,video/3gpp';

// The campaign's image or video as the customer sees it, served by GET /api/media/:id. A
// decorative copy (the bubble beside the field that already shows it) is hidden from screen readers.
export function CampaignMediaPreview({ media, className, decorative = false }: { media: DraftMedia; className?: string; decorative?: boolean }) {
  const classes = cn('max-h-64 w-full rounded-md bg-zinc-200 object-contain dark:bg-zinc-700', className);
  const name = media.fileName ? ` ${media.fileName}` : '';
  if (media.mimeType.startsWith('video/')) {
    return <video src={mediaUrl(media.id)} controls={!decorative} preload="metadata" className={classes} aria-label={`Attached video${name}`} aria-hidden={decorative || undefined} />;
  }
  return <img src={mediaUrl(media.id)} alt={decorative ? '' : `Attached image${name}`} className={classes} />;
}

// Attach, preview and remove the message's image or video. The upload is stored at once; the
// draft keeps only its id (and what the preview shows), so moving between steps keeps it.
export function CampaignMediaField({ media, error, onChange }: { media: DraftMedia | null; error?: string; onChange: (media: DraftMedia | null) => void }) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const shown = problem ?? error ?? null;

  const upload = async (file: File) => {
    setProblem(null);
    if (file.size > MAX_UPLOAD_BYTES) {
      setProblem(`WhatsApp takes images up to 5 MB and videos up to 16 MB; this file is ${formatSize(file.size)}.`);
      return;
    }
    setUploading(file.name);
    const form = new FormData();
    form.set('file', file);
    try {
      const state = await uploadCampaignMediaAction(null, form);
      if (state?.ok) onChange({ id: state.data.mediaId, mimeType: state.data.mimeType, fileName: file.name, sizeBytes: state.data.sizeBytes });
      else setProblem(state?.fieldErrors.file ?? state?.error ?? 'The file could not be uploaded.');
    } catch {
      setProblem('Could not reach Sembang. Check your connection and try again.');
    } finally {
      setUploading(null);
      if (input.current) input.current.value = '';
    }
  };

  const remove = () => {
    onChange(null);
    setProblem(null);
    requestAnimationFrame(() => input.current?.focus());
  };

  return (
    <div className="grid gap-2" data-invalid={shown ? true : undefined}>
      <span className="text-sm font-medium">
        Image or video <span className="font-normal text-muted-foreground">(optional)</span>
      </span>
      {media ? (
        <figure className="grid gap-2 rounded-md border p-3">
          <CampaignMediaPreview media={media} className="max-h-48" />
          <figcaption className="flex flex-wrap items-center gap-2 text-sm">
            <span className="min-w-0 truncate font-medium" data-testid="campaign-media-name">
              {media.fileName ?? 'Attached file'}
            </span>
            {media.sizeBytes !== null ? <span className="text-muted-foreground">{formatSize(media.sizeBytes)}</span> : null}
            <Button type="button" size="sm" variant="outline" className="ml-auto" onClick={remove}>
              <Trash2 aria-hidden="true" />
              Remove
            </Button>
          </figcaption>
        </figure>
      ) : null}
      {media ? null : (
        <div className="flex flex-wrap items-center gap-3">
          <label
            htmlFor={inputId}
            className="inline-flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm font-medium shadow-xs hover:bg-accent has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50"
          >
            <ImagePlus className="size-4" aria-hidden="true" />
            Attach image or video
            <input
              ref={input}
              id={inputId}
              type="file"
              accept={ACCEPT}
              className="sr-only"
              disabled={uploading !== null}
              aria-describedby={`${inputId}-hint${shown ? ` ${inputId}-error` : ''}`}
              aria-invalid={shown ? true : undefined}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void upload(file);
              }}
            />
          </label>
          {uploading ? (
            <span className="flex items-center gap-2 text-sm text-muted-foreground" aria-live="polite">
              <Spinner label="Uploading" />
              Uploading {uploading}…
            </span>
          ) : null}
        </div>
      )}
      <p id={`${inputId}-hint`} className="text-sm text-muted-foreground">
        JPEG or PNG up to 5 MB, MP4 or 3GP up to 16 MB. The message becomes its caption (at most {CAPTION_MAX} characters).
      </p>
      {shown ? (
        <p id={`${inputId}-error`} role="alert" className="text-sm font-medium text-destructive">
          {shown}
        </p>
      ) : null}
    </div>
  );
}

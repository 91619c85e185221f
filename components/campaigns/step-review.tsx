'use client';

import { useEffect, useState } from 'react';
import { reviewCampaignAction } from '@/app/(app)/campaigns/actions';
import { TemplateBubble } from '@/components/templates/template-bubble';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { AudienceEstimate } from './audience-estimate';
import type { BuilderChannel, BuilderSegment, BuilderTemplate } from './builder-types';
import { type CampaignDraft, type StepIndex, draftAudience, draftMessage } from './campaign-draft';
import { formatDuration, scheduleSummary } from './campaign-format';
import { CampaignMediaPreview } from './campaign-media';
import { runAction } from './run-action';

type Review = Extract<Awaited<ReturnType<typeof reviewCampaignAction>>, { ok: true }>['data'];

function Row({ label, step, onEdit, children }: { label: string; step: StepIndex; onEdit: (step: StepIndex) => void; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[8rem_1fr_auto] items-baseline gap-3 border-b py-2 last:border-0">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="text-sm">{children}</dd>
      <Button type="button" variant="link" size="sm" className="h-auto p-0" onClick={() => onEdit(step)} aria-label={`Change ${label.toLowerCase()}`}>
        Change
      </Button>
    </div>
  );
}

export function StepReview({ draft, channels, segments, templates, onEdit }: { draft: CampaignDraft; channels: BuilderChannel[]; segments: BuilderSegment[]; templates: BuilderTemplate[]; onEdit: (step: StepIndex) => void }) {
  const [review, setReview] = useState<Review | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const key = JSON.stringify({ type: draft.type, channelId: draft.channelId, audience: draftAudience(draft), message: draftMessage(draft), customerId: draft.customers[0]?.id });

  useEffect(() => {
    let cancelled = false;
    runAction(reviewCampaignAction, JSON.parse(key)).then((answer) => {
      if (cancelled) return;
      if (answer.ok) setReview(answer.data);
      else setProblem(answer.error);
    });
    return () => {
      cancelled = true;
    };
  }, [key]);

  const channel = channels.find((c) => c.id === draft.channelId);
  const segmentNames = segments.filter((s) => draft.segmentIds.includes(s.id)).map((s) => s.name);
  const template = templates.find((t) => t.id === draft.templateId);
  const media = draft.messageKind === 'text' ? draft.media : null;
  const audience = [
    segmentNames.length > 0 ? `Segments: ${segmentNames.join(', ')}` : null,
    draft.customers.length > 0 ? `${draft.customers.length} picked by hand` : null,
    draft.excluded.length > 0 ? `${draft.excluded.length} left out` : null,
  ].filter(Boolean);
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <div className="grid content-start gap-6">
        <dl className="rounded-lg border px-4">
          <Row label="Name" step={0} onEdit={onEdit}>
            {draft.name} <span className="text-muted-foreground">· {draft.type === 'marketing' ? 'Marketing' : 'Service'}</span>
          </Row>
          <Row label="Send from" step={0} onEdit={onEdit}>
            {channel ? `${channel.name} (${channel.sendRatePerSecond} messages/s)` : '—'}
          </Row>
          <Row label="Audience" step={1} onEdit={onEdit}>
            {audience.length > 0 ? audience.join(' · ') : 'Every customer the trigger finds'}
          </Row>
          <Row label="Message" step={2} onEdit={onEdit}>
            {draft.messageKind === 'template' ? `Template ${template?.name ?? ''}` : media ? `Text with ${media.mimeType.startsWith('video/') ? 'a video' : 'an image'}${media.fileName ? ` (${media.fileName})` : ''}` : 'Text'}
          </Row>
          <Row label="When" step={3} onEdit={onEdit}>
            {scheduleSummary(draft)}
          </Row>
        </dl>
        <AudienceEstimate state={{ estimate: review?.estimate ?? null, loading: review === null && problem === null, message: problem }} automated={draft.when === 'trigger'} />
        {review && draft.when !== 'trigger' ? (
          <p className="text-sm" data-testid="campaign-duration">
            Sending takes about <strong>{formatDuration(review.durationSeconds)}</strong> at {review.sendRatePerSecond} messages a second.
          </p>
        ) : null}
      </div>
      <section aria-label="Preview" className="grid content-start gap-2">
        <h3 className="text-sm font-medium">{review ? `What ${review.preview.customerName} receives` : 'Preview'}</h3>
        <div className="grid min-h-48 content-start rounded-xl bg-[#efeae2] p-4 dark:bg-zinc-900" data-testid="campaign-preview">
          {review ? (
            <TemplateBubble
              body={
                <>
                  {media ? <CampaignMediaPreview media={media} className="mb-1.5" /> : null}
                  <span className="whitespace-pre-wrap">{review.preview.text}</span>
                </>
              }
            />
          ) : problem ? null : (
            <Spinner label="Rendering the preview" />
          )}
        </div>
      </section>
    </div>
  );
}

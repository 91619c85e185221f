'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useMemo, useState } from 'react';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { FormError, FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/sonner';
import { Spinner } from '@/components/ui/spinner';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { Textarea } from '@/components/ui/textarea';
import type { FieldError } from '@/lib/errors';
import type { SegmentPreview } from '@/lib/segments/preview';
import { SEGMENT_DESCRIPTION_MAX, SEGMENT_NAME_MAX } from '@/lib/segments/schema';
import type { SegmentJson } from '@/lib/segments/segments';
import { DeleteSegmentButton } from './delete-segment-button';
import { errorsByNode } from './draft-tree';
import { FieldChoicesProvider } from './field-choices';
import { FilterTreeEditor } from './filter-tree-editor';
import { saveSegment } from './segment-api';
import { PreviewCount, PreviewSample } from './segment-preview';
import { SimpleCriteriaForm } from './simple-criteria-form';
import { type EditorMode, useCriteriaEditor } from './use-criteria-editor';
import { useSegmentPreview } from './use-segment-preview';

interface SaveProblem {
  message: string | null;
  fields: Record<string, string>;
  // Errors on the criteria, as the API named them ("filter.and.1.value").
  criteria: FieldError[];
}

// Build or edit a segment: the simple form or the advanced tree, with the live count and a
// sample beside it. Owners and admins save and delete; agents may explore but not save.
export function SegmentBuilder({
  segment,
  initialPreview,
  canEdit,
  contests = [],
}: {
  segment: SegmentJson | null;
  initialPreview: SegmentPreview | null;
  canEdit: boolean;
  // For the "Contest entered" condition.
  contests?: readonly { id: string; name: string }[];
}) {
  const router = useRouter();
  const editor = useCriteriaEditor(segment?.criteria ?? null);
  const preview = useSegmentPreview(editor.criteria, initialPreview);
  const [name, setName] = useState(segment?.name ?? '');
  const [description, setDescription] = useState(segment?.description ?? '');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<SaveProblem | null>(null);

  // The same errors beside the conditions whether the check ran here, at the preview or at save.
  const nodeErrors = useMemo(() => {
    if (!editor.compiled) return new Map<string, string[]>();
    const fromSave = (problem?.criteria ?? []).map((e) => ({ ...e, field: e.field.replace(/^criteria\./, '') }));
    const errors = editor.treeErrors.length > 0 ? editor.treeErrors : [...preview.errors, ...fromSave];
    return errorsByNode(errors, editor.compiled, editor.draft.id);
  }, [editor.compiled, editor.treeErrors, editor.draft.id, preview.errors, problem]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!editor.criteria) {
      setProblem({ message: editor.waiting ?? 'Add at least one condition.', fields: {}, criteria: [] });
      return;
    }
    setSaving(true);
    const answer = await saveSegment(segment?.id ?? null, { name, description, criteria: editor.criteria });
    setSaving(false);
    if (!answer.ok) {
      const fields = Object.fromEntries(answer.errors.filter((e) => !e.field.startsWith('criteria')).map((e) => [e.field, e.message]));
      const criteria = answer.errors.filter((e) => e.field.startsWith('criteria'));
      const shown = Object.keys(fields).length > 0 || (criteria.length > 0 && editor.mode === 'advanced');
      setProblem({ message: shown ? null : (criteria[0]?.message ?? answer.message), fields, criteria });
      return;
    }
    setProblem(null);
    toast.success(`Segment “${answer.data.name}” saved.`);
    if (segment) router.refresh();
    else router.push(`/segments/${answer.data.id}`);
  };

  return (
    <form onSubmit={submit} noValidate className="grid grid-cols-1 gap-6">
      {canEdit ? null : (
        <Alert>
          <AlertDescription>Only owners and admins change segments. You can try conditions here to see who matches; nothing is saved.</AlertDescription>
        </Alert>
      )}
      <Card>
        <CardContent className="grid items-start gap-4 md:grid-cols-2">
          <FormField label="Name" htmlFor="segment-name" error={problem?.fields.name} required>
            <Input id="segment-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={SEGMENT_NAME_MAX + 20} disabled={!canEdit} placeholder="e.g. Klang Valley big spenders" />
          </FormField>
          <FormField label="Description (optional)" htmlFor="segment-description" error={problem?.fields.description} hint={`${description.length}/${SEGMENT_DESCRIPTION_MAX}`}>
            <Textarea id="segment-description" rows={1} value={description} onChange={(e) => setDescription(e.target.value)} disabled={!canEdit} />
          </FormField>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Who is in it</CardTitle>
          <CardDescription>Customers who match every condition. The advanced editor adds groups of “any”, Not, and more fields and operators.</CardDescription>
        </CardHeader>
        <CardContent>
          <Tabs value={editor.mode} onValueChange={(v) => editor.switchTo(v as EditorMode)}>
            <TabsList aria-label="Editor">
              <TabsTrigger value="simple" disabled={editor.mode === 'advanced' && editor.switchBlocked !== null}>
                Simple
              </TabsTrigger>
              <TabsTrigger value="advanced" disabled={editor.mode === 'simple' && editor.switchBlocked !== null}>
                Advanced
              </TabsTrigger>
            </TabsList>
            {editor.switchBlocked ? <p className="text-sm text-muted-foreground">{editor.switchBlocked}</p> : null}
            <TabsContent value="simple">
              <SimpleCriteriaForm form={editor.form} errors={editor.simpleErrors} onChange={editor.changeForm} />
            </TabsContent>
            <TabsContent value="advanced">
              <FieldChoicesProvider contests={contests}>
                <FilterTreeEditor root={editor.draft} errors={nodeErrors} onChange={editor.setDraft} />
              </FieldChoicesProvider>
            </TabsContent>
          </Tabs>
        </CardContent>
      </Card>
      <PreviewSample state={preview} waiting={editor.waiting} />
      {/* The count stays in view while the conditions scroll by. */}
      <div className="sticky bottom-0 z-10 -mx-4 grid gap-3 border-t bg-background/95 px-4 py-3 backdrop-blur md:-mx-8 md:px-8">
        <FormError message={problem?.message} />
        <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
          <PreviewCount state={preview} waiting={editor.waiting} />
          {canEdit ? (
            <div className="ml-auto flex flex-wrap items-center gap-2">
              {segment ? <DeleteSegmentButton id={segment.id} name={segment.name} /> : null}
              <Button type="button" variant="ghost" onClick={() => router.push('/segments')}>
                {segment ? 'Back to segments' : 'Cancel'}
              </Button>
              <Button type="submit" disabled={saving} aria-busy={saving || undefined}>
                {saving ? <Spinner label="Saving" /> : null}
                Save segment
              </Button>
            </div>
          ) : null}
        </div>
      </div>
    </form>
  );
}

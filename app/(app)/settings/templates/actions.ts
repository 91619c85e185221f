'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { tenantAction } from '@/lib/actions/tenant-action';
import { syncTemplates } from '@/lib/templates/meta';
import { templateFormSchema, templateSyncInputSchema } from '@/lib/templates/schema';
import { createTemplate, deleteTemplate, updateTemplate } from '@/lib/templates/templates';

const done = <T>(value: T) => {
  revalidatePath('/settings/templates');
  return value;
};

export const createTemplateAction = tenantAction(templateFormSchema, async ({ db, ctx, input }) => done(await createTemplate(db, ctx, input)), {
  minimumRole: 'admin',
  message: 'Template saved.',
});

export const updateTemplateAction = tenantAction(
  z.intersection(z.object({ id: z.uuid() }), templateFormSchema),
  async ({ db, ctx, input: { id, ...changes } }) => done(await updateTemplate(db, ctx, id, changes)),
  { minimumRole: 'admin', message: 'Template saved.' },
);

export const deleteTemplateAction = tenantAction(
  z.object({ id: z.uuid() }),
  async ({ db, ctx, input }) => done(await deleteTemplate(db, ctx, input.id)),
  { minimumRole: 'admin', message: 'Template deleted.' },
);

export const syncTemplatesAction = tenantAction(templateSyncInputSchema, async ({ db, ctx, input }) => done(await syncTemplates(db, ctx, input.channelId)), {
  minimumRole: 'admin',
});

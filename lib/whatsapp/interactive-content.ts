import { z } from 'zod';

// How an outbound interactive message keeps its reply buttons in messages.content. Written by
// queueSystemMessages; read by delivery, the simulator and the inbox (so: no server imports).
export const interactiveContentSchema = z.object({
  interactive: z.object({
    kind: z.literal('button'),
    buttons: z.array(z.object({ id: z.string().min(1), title: z.string().min(1) })).min(1).max(3),
  }),
});

import type { MessageView } from './views';

interface ReactionTarget {
  wamid: string;
  emoji: string | null;
}

export function reactionOf(message: Pick<MessageView, 'type' | 'content'>): ReactionTarget | null {
  if (message.type !== 'reaction') return null;
  const reaction = message.content.reaction as { messageId?: unknown; emoji?: unknown } | undefined;
  if (typeof reaction?.messageId !== 'string') return null;
  return { wamid: reaction.messageId, emoji: typeof reaction.emoji === 'string' && reaction.emoji !== '' ? reaction.emoji : null };
}

// WhatsApp shows a reaction on the message it is for, not as a message of its own: each side's
// latest reaction wins and an empty one takes it back. Reactions to a message outside the
// loaded page stay in the timeline as their own line. `messages` are oldest first.
export function foldReactions(messages: MessageView[]): { shown: MessageView[]; reactions: Map<string, string[]> } {
  const byWamid = new Map(messages.filter((m) => m.wamid).map((m) => [m.wamid as string, m.id]));
  const latest = new Map<string, Map<MessageView['direction'], string | null>>();
  const shown: MessageView[] = [];
  for (const message of messages) {
    const reaction = reactionOf(message);
    const targetId = reaction ? byWamid.get(reaction.wamid) : undefined;
    if (!reaction || !targetId) {
      shown.push(message);
      continue;
    }
    const sides = latest.get(targetId) ?? new Map<MessageView['direction'], string | null>();
    sides.set(message.direction, reaction.emoji);
    latest.set(targetId, sides);
  }
  const reactions = new Map<string, string[]>();
  for (const [id, sides] of latest) {
    const emojis = [...sides.values()].filter((e): e is string => e !== null);
    if (emojis.length > 0) reactions.set(id, emojis);
  }
  return { shown, reactions };
}

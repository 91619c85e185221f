import { describe, expect, it } from 'vitest';
import { foldReactions } from './reactions';
import { messageFixture as message } from './testing';
import type { MessageView } from './views';

const reaction = (wamid: string, emoji: string, direction: MessageView['direction'] = 'inbound') =>
  message({ type: 'reaction', direction, text: emoji, content: { reaction: { messageId: wamid, emoji } } });

describe('foldReactions', () => {
  it('puts each side’s latest reaction on the message it is for', () => {
    const target = message({ direction: 'outbound', wamid: 'wamid.target' });
    const { shown, reactions } = foldReactions([target, reaction('wamid.target', '👍'), reaction('wamid.target', '❤️'), reaction('wamid.target', '😂', 'outbound')]);

    expect(shown).toEqual([target]);
    expect(reactions.get(target.id)).toEqual(['❤️', '😂']);
  });

  it('takes a reaction back when an empty one follows', () => {
    const target = message({ wamid: 'wamid.undo' });
    const { shown, reactions } = foldReactions([target, reaction('wamid.undo', '👍'), reaction('wamid.undo', '')]);

    expect(shown).toEqual([target]);
    expect(reactions.has(target.id)).toBe(false);
  });

  it('keeps a reaction to a message outside the page as its own line', () => {
    const lonely = reaction('wamid.elsewhere', '🙏');

    expect(foldReactions([lonely]).shown).toEqual([lonely]);
  });
});

import { and, eq } from 'drizzle-orm';
import { type Contest, customers } from '@/db/schema';
import { type InboundTurn, type Step, replyLanguage, reply } from '@/lib/automation/turn';
import { contestStatus, contestsForMessage } from './contests';
import { contestEligibility } from './eligibility';
import { createEntry } from './entries';
import { compactKeyword } from './keyword';
import { consentNeededReply, endedReply, entryConfirmedReply, limitReply, notEligibleReply, notStartedReply } from './replies';

// Contest entries in the inbound pipeline. It runs after the consent steps, so a consent answer
// ("YA", "STOP") is never an entry; a keyword entry ends the turn, so it is never read as a
// profile answer either. A keyword message always gets an answer: the confirmation, or why not
// (over the limit, not started, ended, consent needed, not eligible). Any-message contests
// enter quietly alongside whatever else the message does, and say nothing when they cannot.

function keywordOf(contest: Contest): string {
  return contest.entryMethod.type === 'keyword' ? contest.entryMethod.keyword.toUpperCase() : '';
}

// Of the keyword contests the text matches: the running one, else the next to start, else the
// one that ended last.
function pickKeywordContest(matches: Contest[], now: Date): Contest | undefined {
  const running = matches.find((c) => contestStatus(c, null, now) === 'running');
  if (running) return running;
  const upcoming = matches.filter((c) => c.startsAt > now).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
  return upcoming ?? [...matches].sort((a, b) => b.endsAt.getTime() - a.endsAt.getTime())[0];
}

// Re-read: the notice step may have just asked this customer (turn.customer is from before).
async function currentConsent(tx: Parameters<Step>[0], turn: InboundTurn) {
  const [row] = await tx
    .select({ status: customers.consentStatus })
    .from(customers)
    .where(and(eq(customers.tenantId, turn.tenantId), eq(customers.id, turn.customer.id)))
    .limit(1);
  return row?.status ?? turn.customer.consentStatus;
}

// Enters the customer if they may; the text to answer, or null when nothing happened.
async function enter(tx: Parameters<Step>[0], turn: InboundTurn, contest: Contest, quiet: boolean): Promise<string | null> {
  const language = replyLanguage(turn);
  const keyword = contest.entryMethod.type === 'keyword' ? keywordOf(contest) : null;
  const status = contestStatus(contest, null, turn.now);
  if (status === 'upcoming') return quiet ? null : notStartedReply(language, contest, keyword ?? '');
  if (status !== 'running') return quiet ? null : endedReply(language, contest);
  const eligibility = await contestEligibility(tx, contest, turn.customer, turn.now);
  if (eligibility === 'consent') return quiet ? null : consentNeededReply(language, contest, keyword, (await currentConsent(tx, turn)) === 'pending');
  if (eligibility === 'segment') return quiet ? null : notEligibleReply(language, contest);
  const result = await createEntry(tx, contest, { customerId: turn.customer.id, messageId: turn.message.id, now: turn.now });
  if (result.outcome === 'entered') return entryConfirmedReply(language, contest, result.entry);
  if (quiet) return null;
  return result.outcome === 'limit' ? limitReply(language, contest) : endedReply(language, contest);
}

// Two milliseconds after the turn: the consent notice the same message may have brought
// (two messages) comes first in the thread, and so does a profile reply.
function answer(tx: Parameters<Step>[0], turn: InboundTurn, text: string) {
  return reply(tx, { ...turn, now: new Date(turn.now.getTime() + 2) }, [{ automation: 'contest.entry', text }]);
}

export const contestStep: Step = async (tx, turn) => {
  const compact = turn.message.type === 'text' && turn.message.text ? compactKeyword(turn.message.text) : '';
  const candidates = await contestsForMessage(tx, turn.tenantId, compact, turn.now);
  if (candidates.length === 0) return 'continue';
  const keywordContest = pickKeywordContest(
    candidates.filter((c) => c.keyword !== null && c.keyword.replaceAll(' ', '') === compact),
    turn.now,
  );
  if (keywordContest) {
    const text = await enter(tx, turn, keywordContest, false);
    if (text) await answer(tx, turn, text);
    return 'consumed';
  }
  for (const contest of candidates.filter((c) => c.entryMethod.type === 'any_message')) {
    const text = await enter(tx, turn, contest, true);
    if (text) await answer(tx, turn, text);
  }
  return 'continue';
};

import { and, eq } from 'drizzle-orm';
import { customers } from '@/db/schema';
import { type Step, replyLanguage, reply } from '@/lib/automation/turn';
import { maskMyKad } from '@/lib/mykad';
import { type SavedProfile, icDuplicateReply, icInvalidReply, profileSavedReply } from './profile-replies';
import { setCustomerDetails, setCustomerIc } from './profile';
import { parseProfileReply } from './profile-reply';

// After consent: an IC number, a gender or a marital status typed in the conversation is
// saved with the same rules as the dashboard and the API, and answered with what was saved
// (the IC masked), what is wrong with it, or that a person will check a duplicate.
export const profileStep: Step = async (tx, turn) => {
  if (turn.customer.consentStatus !== 'granted' || turn.message.type !== 'text' || !turn.message.text) return 'continue';
  const parsed = parseProfileReply(turn.message.text);
  if (!parsed) return 'continue';
  const ref = { tenantId: turn.tenantId, customerId: turn.customer.id };
  const language = replyLanguage(turn);
  const answers: string[] = [];
  const saved: SavedProfile = {};

  if (parsed.icNumber) {
    const result = await setCustomerIc(tx, ref, parsed.icNumber, { evidenceMessageId: turn.message.id, now: turn.now });
    if (result.outcome === 'invalid') answers.push(icInvalidReply(language, result.message));
    else if (result.outcome === 'duplicate') answers.push(icDuplicateReply[language]);
    else {
      const { mykad } = result;
      saved.ic = { masked: maskMyKad(mykad.icNumber), dateOfBirth: mykad.dateOfBirth, stateName: mykad.stateName, birthCountry: mykad.birthCountry };
    }
  }
  if (parsed.gender || parsed.maritalStatus) {
    await setCustomerDetails(tx, ref, { gender: parsed.gender, maritalStatus: parsed.maritalStatus });
    saved.maritalStatus = parsed.maritalStatus;
  }
  if (saved.ic || parsed.gender) {
    // The IC's gender digit, or the customer's own word (an "NB" the IC does not overwrite).
    const [row] = await tx.select({ gender: customers.gender }).from(customers).where(and(eq(customers.tenantId, ref.tenantId), eq(customers.id, ref.customerId)));
    saved.gender = row?.gender ?? undefined;
  }
  if (saved.ic || saved.gender || saved.maritalStatus) answers.unshift(profileSavedReply(language, saved, turn.now));
  await reply(
    tx,
    turn,
    answers.map((text) => ({ automation: 'profile.reply', text })),
  );
  return 'consumed';
};

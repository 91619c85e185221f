import { replyWords } from '@/lib/automation/reply-text';
import { findMyKadNumber } from '@/lib/mykad';
import { type Gender, type MaritalStatus, parseGender, parseMaritalStatus } from './profile';

// What a customer's message after the information prompt gives us. Pure: the profile step
// of the inbound pipeline saves it.
export interface ProfileReply {
  // Digits only; may be the wrong length (the reply then says what is wrong).
  icNumber?: string;
  gender?: Gender;
  maritalStatus?: MaritalStatus;
}

// "IC", "No. IC", "MyKad", "KP": a label before the number.
const IC_LABEL = /^\s*(?:no\.?\s*)?(?:ic|mykad|nric|kp)\s*[:.\-]?\s*/i;

// A message that is only a number of about IC length (8–14 digits, any grouping), unless it
// looks like a Malaysian mobile number (01x…, 601x…, 10–11 digits).
function icAttempt(text: string): string | null {
  const bare = text.replace(IC_LABEL, '').trim();
  if (!/^[\d\s-]+$/.test(bare)) return null;
  const digits = bare.replace(/\D/g, '');
  if (digits.length < 8 || digits.length > 14) return null;
  if (/^(?:60)?1\d{8,9}$/.test(digits.replace(/^0/, ''))) return null;
  return digits;
}

// Gender and/or marital status, when every word of the text is one of them ("F", "lelaki",
// "Non-binary", "P bujang").
function details(text: string): Pick<ProfileReply, 'gender' | 'maritalStatus'> | null {
  const gender = parseGender(text);
  if (gender) return { gender };
  const maritalStatus = parseMaritalStatus(text);
  if (maritalStatus) return { maritalStatus };
  const words = replyWords(text);
  if (words.length !== 2) return null;
  const found: Pick<ProfileReply, 'gender' | 'maritalStatus'> = {};
  for (const word of words) {
    const g = parseGender(word);
    const m = parseMaritalStatus(word);
    if (g && !found.gender) found.gender = g;
    else if (m && !found.maritalStatus) found.maritalStatus = m;
    else return null;
  }
  return found;
}

export function parseProfileReply(text: string): ProfileReply | null {
  const found = findMyKadNumber(text);
  if (found) {
    // "901231-01-1234 F married": the other words count only if they are all details.
    const rest = text.replace(/\d[\d\s-]*\d/g, ' ').replace(IC_LABEL, '');
    return { icNumber: found, ...(details(rest) ?? {}) };
  }
  const attempt = icAttempt(text);
  if (attempt) return { icNumber: attempt };
  return details(text);
}

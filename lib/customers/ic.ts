import { decrypt, encrypt, keyedHash } from '@/lib/crypto';
import { getEnv } from '@/lib/env';
import { maskMyKad } from '@/lib/mykad';

export interface SealedIc {
  icEncrypted: string;
  icHash: string;
  icMasked: string;
}

// The keyed hash finds and de-duplicates IC numbers without decrypting any row.
export function icLookupHash(icNumber: string): string {
  return keyedHash(icNumber.replace(/[\s-]/g, ''), getEnv().ENCRYPTION_KEY, 'mykad');
}

// How an IC number is stored: sealed (AES-256-GCM), hashed for look-up, masked for display.
export function sealIc(icNumber: string): SealedIc {
  const digits = icNumber.replace(/[\s-]/g, '');
  return { icEncrypted: encrypt(digits, getEnv().ENCRYPTION_KEY), icHash: icLookupHash(digits), icMasked: maskMyKad(digits) };
}

export function unsealIc(icEncrypted: string): string {
  return decrypt(icEncrypted, getEnv().ENCRYPTION_KEY);
}

import { z } from 'zod';

// Shared by the server (validation) and the forms (hint text); no server-only imports here.
export const PASSWORD_RULES = 'At least 10 characters, with at least one letter and one number.';

const common = new Set(['password123', 'password1234', '1234567890', 'qwerty12345', 'iloveyou123', 'abc1234567', 'sembang123']);

export const passwordSchema = z
  .string()
  .min(10, 'Use at least 10 characters.')
  .max(128, 'Use at most 128 characters.')
  .refine((v) => /\p{L}/u.test(v), 'Include at least one letter.')
  .refine((v) => /\d/.test(v), 'Include at least one number.')
  .refine((v) => !common.has(v.toLowerCase()), 'This password is too common. Choose another.');

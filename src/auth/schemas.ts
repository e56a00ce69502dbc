import { z } from 'zod';

/** Any script, accents, apostrophes and hyphens are valid in names; only control characters are not. */
export const personName = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(100)
  .regex(/^[^\p{Cc}\p{Cs}]+$/u, 'validation.nameInvalid');

export const email = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(254)
  .email('validation.email')
  .transform((e) => e.normalize('NFC').toLowerCase());

/** Strength is checked by the command (it needs the person's name and address); here: present, bounded. */
export const newPassword = z.string().min(1, 'validation.required').max(1024, 'validation.passwordTooLong');

export const signInSchema = z.object({
  email: z.string().trim().min(1, 'validation.required').max(254).transform((e) => e.normalize('NFC').toLowerCase()),
  password: z.string().min(1, 'validation.required').max(1024),
});

export const forgotSchema = z.object({ email });
export const resetSchema = z.object({ password: newPassword });
export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, 'validation.required').max(1024),
  password: newPassword,
  endOtherSessions: z.literal('on').optional(),
});

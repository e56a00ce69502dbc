import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as fr from '@zxcvbn-ts/language-fr';

/**
 * Password rules after NIST SP 800-63B §3.1.1.2: a length floor, any Unicode, no composition rules, and a check
 * against known-bad passwords (breached lists, trivial variations, the user's own names, what zxcvbn finds weak).
 */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;
const PERSONAL_MIN = 4;
const MIN_SCORE = 3;

export type PasswordCheck = { ok: true } | { ok: false; messageKey: string; params?: Record<string, number> };

// Built on first use: the ranked dictionaries take a noticeable moment, every later check reuses them.
// zxcvbn's cost grows steeply with length and with look-alike characters (a 256-character random password takes
// seconds with the defaults), which would let anyone burn CPU through the registration form. Past 64 characters a
// password is strong unless its start already is weak, and 10 l33t substitutions are plenty for real passwords.
let zxcvbn: ZxcvbnFactory | undefined;
let breached: Set<string> | undefined;

function estimator(): ZxcvbnFactory {
  zxcvbn ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, ...fr.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
    maxLength: 64,
    l33tMaxSubstitutions: 10,
  });
  return zxcvbn;
}

function breachedList(): Set<string> {
  breached ??= new Set(common.dictionary['passwords-common'].map((p) => p.normalize('NFC').toLowerCase()));
  return breached;
}

// Walks people type without thinking: alphabet, digits, keyboard rows (QWERTY, AZERTY, QWERTZ) read row after row.
const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyz',
  '0123456789',
  'qwertyuiopasdfghjklzxcvbnm',
  'azertyuiopqsdfghjklmwxcvbn',
  'qwertzuiopasdfghjklyxcvbnm',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
];

/** One short unit repeated (aaaa, 121212, abcabc) or a stretch of a sequence, forwards or backwards, wrapping round. */
function isTrivial(s: string): boolean {
  const chars = [...s];
  if (chars.length === 0 || /^(.{1,4})\1+$/u.test(s)) return true;
  const reversed = chars.reverse().join('');
  return SEQUENCES.some((seq) => {
    const loop = seq.repeat(Math.ceil(s.length / seq.length) + 1);
    return loop.includes(s) || loop.includes(reversed);
  });
}

// Anything but a letter or a combining mark: digits, punctuation, symbols, spaces — the usual "decorations".
const DECORATION = /[^\p{L}\p{M}]/u;

/** A listed password, or one dressed up with digits or symbols before and after (password1234!, 2024azerty). */
function isCommon(lower: string): boolean {
  const list = breachedList();
  if (list.has(lower)) return true;
  const chars = [...lower];
  let lead = 0;
  while (lead < chars.length && DECORATION.test(chars[lead]!)) lead++;
  let trail = 0;
  while (trail < chars.length - lead && DECORATION.test(chars[chars.length - 1 - trail]!)) trail++;
  // Try every way of peeling the decorations off, so a listed entry that itself ends in digits (abc123) is found.
  for (let i = 0; i <= lead; i++) {
    for (let j = 0; j <= trail; j++) {
      const core = chars.slice(i, chars.length - j).join('');
      if (core.length > 0 && list.has(core)) return true;
    }
  }
  return isTrivial(lower.replace(/\s+/gu, ''));
}

/** Case- and accent-insensitive form (also drops Arabic short vowels, which are combining marks). */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().normalize('NFC');
}

/** The strings the caller gave, plus their parts (fatima.el-idrissi → fatima, idrissi), long enough to matter. */
function personalTerms(personal: string[]): string[] {
  const terms = new Set<string>();
  for (const entry of personal) {
    const folded = fold(entry.trim());
    for (const term of [folded, folded.replace(/[\s._+\-']/gu, ''), ...folded.split(/[\s._+\-'@]+/u)]) {
      if ([...term].length >= PERSONAL_MIN) terms.add(term);
    }
  }
  return [...terms];
}

export function checkPassword(password: string, personal: string[] = []): PasswordCheck {
  const pw = password.normalize('NFC');
  const length = [...pw].length; // code points, so ⵣ, ك and 🙂 count as one each
  if (length < PASSWORD_MIN) return { ok: false, messageKey: 'validation.passwordTooShort', params: { min: PASSWORD_MIN } };
  if (length > PASSWORD_MAX) return { ok: false, messageKey: 'validation.passwordTooLong', params: { max: PASSWORD_MAX } };

  if (isCommon(pw.toLowerCase())) return { ok: false, messageKey: 'validation.passwordCommon' };

  const terms = personalTerms(personal);
  const folded = fold(pw);
  const squeezed = folded.replace(/[\s._+\-']/gu, '');
  if (terms.some((t) => folded.includes(t) || squeezed.includes(t))) {
    return { ok: false, messageKey: 'validation.passwordPersonal' };
  }

  if (estimator().check(pw, terms).score < MIN_SCORE) return { ok: false, messageKey: 'validation.passwordWeak' };
  return { ok: true };
}

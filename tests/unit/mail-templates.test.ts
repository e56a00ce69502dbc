import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/i18n.js';
import { MAIL_TEMPLATES, renderEmail } from '../../src/mail/templates.js';
import { encodeHeader, findLinks, formatEml } from '../../src/mail/transport.js';
import { backoffMs, describeError } from '../../src/mail/worker.js';

const LINK = 'https://jisr.example.org/password/reset/abc?x=1&y=2';
const SIGNATURES = { fr: "L'équipe Jisr", ar: 'فريق جسر', en: 'The Jisr team' };

describe('renderEmail', () => {
  for (const template of MAIL_TEMPLATES) {
    for (const locale of LOCALES) {
      it(`${template} in ${locale}: subject, greeting, link, signature, no placeholder left`, () => {
        const r = renderEmail(template, locale, { name: 'Amina ⵜⴰⵎⴰⵣⵉⵖⵜ', link: LINK, ...(template === 'notification' ? { text: 'Votre besoin est publié' } : {}) });
        expect(r.subject.length).toBeGreaterThan(5);
        expect(r.text).toContain(SIGNATURES[locale]);
        expect(r.text).not.toMatch(/undefined|\{|\}/);
        // verify_email and account_exists go to addresses nobody has proven: they never carry a typed name
        if (template === 'account_exists' || template === 'verify_email') expect(r.text).not.toContain('Amina');
        else expect(r.text).toContain('Amina ⵜⴰⵎⴰⵣⵉⵖⵜ');
        if (template !== 'password_changed') expect(r.text).toContain(LINK);
        expect(r.html).toContain(`lang="${locale}"`);
      });
    }
  }

  it('says how long links last', () => {
    expect(renderEmail('verify_email', 'fr', { name: 'A', link: LINK }).text).toContain('48 heures');
    expect(renderEmail('reset_password', 'en', { name: 'A', link: LINK }).text).toMatch(/1 hour.*only once/s);
    expect(renderEmail('reset_password', 'en', { name: 'A', link: LINK }).text).toContain('If you did not ask for this');
  });

  it('escapes everything in HTML and keeps names in any script intact in text', () => {
    const r = renderEmail('reset_password', 'ar', { name: `<script>alert("x")</script> O'Brien`, link: LINK });
    expect(r.html).not.toContain('<script>');
    expect(r.html).toContain('&#60;script&#62;');
    expect(r.html).toContain('href="https://jisr.example.org/password/reset/abc?x=1&#38;y=2"');
    expect(r.html).toContain('dir="rtl"');
    expect(r.text).toContain(`<script>alert("x")</script> O'Brien`);
  });

  it('drops line breaks and bidi overrides from names, greets without a name when it is empty', () => {
    expect(renderEmail('password_changed', 'fr', { name: 'Ali\r\nBcc: x\u202e' }).text).toMatch(/^Bonjour Ali Bcc: x,\n/);
    expect(renderEmail('password_changed', 'en', { name: '' }).text).toMatch(/^Hello,\n/);
  });

  it('refuses missing parameters and links that are not http(s)', () => {
    expect(() => renderEmail('reset_password', 'fr', { name: 'A' })).toThrow(/link/);
    expect(() => renderEmail('account_exists', 'fr', { link: 'javascript:alert(1)' })).toThrow(/http/);
    expect(() => renderEmail('account_exists', 'fr', { link: 'not a url' })).toThrow();
    expect(() => renderEmail('nope' as never, 'fr', {})).toThrow(/unknown/);
  });
});

describe('mail transport helpers', () => {
  it('encodes non-ASCII subjects as RFC 2047 words of at most 75 characters that decode back', () => {
    expect(encodeHeader('Reset your Jisr password')).toBe('Reset your Jisr password');
    const subject = 'إعادة تعيين كلمة المرور لحسابك على جسر — réinitialisation 🔑';
    const encoded = encodeHeader(subject);
    const words = encoded.split('\r\n ');
    expect(words.length).toBeGreaterThan(1);
    for (const w of words) expect(w.length).toBeLessThanOrEqual(75);
    expect(words.map((w) => Buffer.from(w.slice(10, -2), 'base64').toString('utf8')).join('')).toBe(subject);
  });

  it('writes CRLF lines and keeps header values on one line', () => {
    const eml = formatEml({ id: 'abc', to: 'a@b.c\r\nBcc: evil@x', from: 'Jisr <no-reply@jisr.test>', subject: 'Hi\nthere', text: 'one\ntwo' });
    expect(eml).toContain('To: a@b.c Bcc: evil@x\r\n');
    expect(eml).toContain('Subject: Hi there\r\n');
    expect(eml).toContain('Message-ID: <abc@jisr.test>\r\n');
    expect(eml.endsWith('\r\n\r\none\r\ntwo\r\n')).toBe(true);
    expect(eml).not.toMatch(/[^\r]\n/);
  });

  it('finds the links of a body', () => {
    expect(findLinks(`Open ${LINK}.\nOr http://localhost:3000/verify-email/t, then https://x.org/a`)).toEqual([
      LINK, 'http://localhost:3000/verify-email/t', 'https://x.org/a',
    ]);
  });
});

describe('worker helpers', () => {
  it('backs off 1 min × 2^(attempts − 1), capped at 1 h', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((a) => backoffMs(a) / 60_000)).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
  });

  it('keeps credentials out of error messages and truncates them to 500 characters', () => {
    const e = describeError(new Error('Invalid login at smtps://user%40x.org:p@ss@smtp.x.org:465 and smtp://bob:hunter2@h'));
    expect(e).not.toMatch(/p@ss|ss@|hunter2|bob/);
    expect(e).toContain('@smtp.x.org:465');
    expect(e).toContain('smtps://[redacted]@');
    expect(describeError(new Error('x'.repeat(2000)))).toHaveLength(500);
    expect(describeError('plain string')).toBe('plain string');
  });
});

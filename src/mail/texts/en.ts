import type { LocaleTexts } from './types.js';

export const en: LocaleTexts = {
  greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
  signature: 'The Jisr team',
  templates: {
    verify_email: {
      subject: 'Confirm your e-mail address on Jisr',
      body: (p) => [
        'Welcome to Jisr, the bridge between the skills of the diaspora and the needs of institutions. ' +
          'To activate your account, please confirm your e-mail address by opening this link:',
        { link: p.link! },
        'This link is valid for 48 hours. If you did not create an account on Jisr, you can ignore this message.',
      ],
      closing: 'We look forward to working with you,',
    },
    reset_password: {
      subject: 'Reset your Jisr password',
      body: (p) => [
        'We received a request to reset the password of your Jisr account. To choose a new password, open this link:',
        { link: p.link! },
        'This link is valid for 1 hour and can be used only once.',
        'If you did not ask for this, simply ignore this message: your current password stays unchanged.',
      ],
      closing: 'Kind regards,',
    },
    account_exists: {
      subject: 'Someone tried to register with your e-mail address',
      body: (p) => [
        'Someone tried to create a Jisr account with this e-mail address, but an account already exists for it.',
        'If it was you, you can sign in, or reset your password if you have forgotten it, from this link:',
        { link: p.link! },
        'If it was not you, there is nothing to do: your account has not been changed.',
      ],
      closing: 'Kind regards,',
    },
    password_changed: {
      subject: 'Your Jisr password was changed',
      body: (p) => [
        'The password of your Jisr account has just been changed. If this was you, there is nothing to do.',
        'If it was not you, reset your password right away ("Forgot your password?" on the sign-in page) ' +
          'and contact us, so that we can help you secure your account.',
        ...(p.link ? [{ link: p.link }] : []),
      ],
      closing: 'Kind regards,',
    },
    profile_still_available: {
      subject: 'Are you still available for missions?',
      body: (p) => [
        'Your expert profile on Jisr has not been confirmed for six months. Institutions rely on up-to-date profiles: ' +
          'tell us in one click that yours is still accurate by opening this link:',
        { link: p.link! },
        'If something has changed (availability, skills, contact details), sign in to update your profile. ' +
          'Until it is confirmed, your profile appears lower in the suggestions made to institutions.',
        'This link is valid for 30 days and can be used only once.',
      ],
      closing: 'Thank you for your commitment,',
    },
    notification: {
      subject: 'News on Jisr',
      body: (p) => [p.text!, 'The details are on Jisr:', { link: p.link! }],
      closing: 'Kind regards,',
    },
  },
};

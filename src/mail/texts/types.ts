/** The messages Jisr sends, by name. */
export const MAIL_TEMPLATES = ['verify_email', 'reset_password', 'account_exists', 'password_changed', 'notification', 'profile_still_available'] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

/** Parameters each template needs; `optional` ones may be left out. */
export const TEMPLATE_PARAMS: Record<MailTemplate, { required: readonly string[]; optional?: readonly string[] }> = {
  // sent to an address nobody has proven yet: never with the name the registrant typed (src/mail/recipient-name.ts)
  verify_email: { required: ['link'] },
  reset_password: { required: ['name', 'link'] },
  account_exists: { required: ['link'] },
  password_changed: { required: ['name'], optional: ['link'] },
  // an in-app notification sent by e-mail too: its text is already translated into the recipient's language
  notification: { required: ['name', 'text', 'link'] },
  // the freshness reminder of an expert profile unconfirmed for six months (src/experts/stale-profile-reminder.ts)
  profile_still_available: { required: ['name', 'link'] },
};

export type MailParams = Readonly<Record<string, string>>;

/** A paragraph of text, or a link shown on a line of its own (a clickable link in HTML). */
export type Block = string | { link: string };

export interface TemplateText {
  subject: string;
  /** the paragraphs between the greeting and the closing */
  body(params: MailParams): Block[];
  /** the line just above the signature */
  closing: string;
}

export interface LocaleTexts {
  /** "Bonjour Nadia," — or a greeting without a name when the name is empty */
  greeting(name: string): string;
  signature: string;
  templates: Record<MailTemplate, TemplateText>;
}

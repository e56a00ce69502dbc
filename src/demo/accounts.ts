/** The five demo accounts a visitor can sign in with (only when the demo accounts are enabled). */
export const DEMO_PASSWORD = 'Jisr-demo-2026!';

export const DEMO_ACCOUNTS = [
  { email: 'expert@demo.jisr.local', role: 'expert' },
  { email: 'staff@demo.jisr.local', role: 'staff' },
  { email: 'officer@demo.jisr.local', role: 'officer' },
  { email: 'admin@demo.jisr.local', role: 'admin' },
  // a diaspora investor with projects in several states (src/demo/seed-investments.ts)
  { email: 'investor@demo.jisr.local', role: 'expert' },
] as const satisfies readonly { email: string; role: 'expert' | 'staff' | 'officer' | 'admin' }[];

export type DemoAccount = (typeof DEMO_ACCOUNTS)[number];

export const DEMO_EMAIL = {
  expert: 'expert@demo.jisr.local',
  staff: 'staff@demo.jisr.local',
  officer: 'officer@demo.jisr.local',
  admin: 'admin@demo.jisr.local',
  investor: 'investor@demo.jisr.local',
} as const;

export const DEMO_EMAIL_DOMAIN = 'demo.jisr.local';

export function isDemoAccountEmail(email: string): boolean {
  return DEMO_ACCOUNTS.some((a) => a.email === email);
}

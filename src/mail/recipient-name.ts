/**
 * The name to greet a recipient with. Whoever registers types the name, and can register someone else's address:
 * until the address is proven, echoing that name would put the registrant's words into a genuine Jisr e-mail to a
 * stranger. So an unverified address is greeted without a name.
 */
export function recipientName(user: { displayName: string | null; emailVerifiedAt: Date | null }): string {
  return user.emailVerifiedAt ? (user.displayName ?? '') : '';
}

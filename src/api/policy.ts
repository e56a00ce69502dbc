/** Who manages partner API keys, and what a key opens: the API's one place for these rules. */

export const API_SCOPES = ['needs:read', 'institutions:read', 'opportunities:read', 'statistics:read'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const apiPolicy = {
  /** creating, listing and revoking keys: admins only (a key opens data to an outside organisation) */
  manageApiKeys: (actor: { role: string } | undefined) => actor?.role === 'admin',
  /** a key reads a resource only with its scope; a revoked key reads nothing (it never authenticates) */
  read: (key: { scopes: string[] }, scope: ApiScope) => key.scopes.includes(scope),
};

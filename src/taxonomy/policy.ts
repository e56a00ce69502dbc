/** Who edits the reference data (skills today): admins, as the design's role table says. The one rule. */
export const taxonomyPolicy = {
  manageReference: (actor: { role: string } | undefined) => actor?.role === 'admin',
};

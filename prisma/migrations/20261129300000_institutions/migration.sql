-- Institutions, the officer queue and the catalogue (issue 5): indexes only, no new column.

-- Catalogue filter "needs asking for this language": NeedLanguage's key starts with the need, so a lookup by
-- language needs an index of its own.
CREATE INDEX "NeedLanguage_language_idx" ON "NeedLanguage"("language");

-- The catalogue's default order (newest first) over published needs only, ending with the id that breaks ties, so
-- a page is read in index order instead of sorting every published need. It is DESC NULLS LAST: the (status,
-- publishedAt) index of the first migration, read backwards, gives NULLS FIRST and cannot serve it.
CREATE INDEX "Need_published_newest_idx" ON "Need" ("publishedAt" DESC NULLS LAST, "id") WHERE "status" = 'published';

-- The officer's queue of overdue candidacies: applications still unanswered after the alert, a small set
-- among every candidacy ever made.
CREATE INDEX "Candidacy_overdue_idx" ON "Candidacy" ("alertedAt") WHERE "status" = 'applied' AND "alertedAt" IS NOT NULL;

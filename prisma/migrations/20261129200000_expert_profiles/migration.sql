-- Expert profiles (issue 4): the freshness reminder, and accent- and hamza-insensitive skill search.

-- When the "still available?" message went out for the current confirmation cycle: the job claims a profile by
-- setting it with a conditional UPDATE … RETURNING, so a profile gets one message per cycle, whatever the number
-- of app instances running the job and however often it runs.
ALTER TABLE "ExpertProfile" ADD COLUMN "staleReminderSentAt" TIMESTAMP(3);
CREATE INDEX "ExpertProfile_confirmedAt_idx" ON "ExpertProfile" ("confirmedAt");

-- Folds a text for search in any of the three languages: lower case, Latin accents removed (é→e), and the
-- Arabic spellings people type interchangeably made equal (أ إ آ ٱ → ا, ى → ي, ة → ه, tatweel and short
-- vowels dropped). unaccent is only STABLE because its dictionary could change; naming the dictionary makes
-- the result depend on its argument alone, which lets an index use it.
CREATE FUNCTION jisr_fold(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT translate(lower(public.unaccent('public.unaccent'::regdictionary, input)), 'أإآٱىةـًٌٍَُِّْ', 'اااايه') $$;

CREATE INDEX "Skill_labels_folded_trgm_idx" ON "Skill"
  USING GIN (jisr_fold("labelFr" || ' ' || "labelEn" || ' ' || "labelAr") gin_trgm_ops);

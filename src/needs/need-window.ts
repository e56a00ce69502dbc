/**
 * When a need's window may lie, relative to today: a need is there to be answered, so its window has not ended, and
 * it is not planned further ahead than experts plan their availability (three years, src/experts/add-availability.ts).
 * Checked when the form is saved and again when the need is submitted or published, since a draft can sit for months.
 */
export const NEED_HORIZON_YEARS = 3;

export type WindowProblem = 'windowPast' | 'windowTooFar';

export function windowProblem(windowEnd: Date, now: Date): WindowProblem | undefined {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (windowEnd.getTime() < today) return 'windowPast';
  const horizon = Date.UTC(now.getUTCFullYear() + NEED_HORIZON_YEARS, now.getUTCMonth(), now.getUTCDate());
  if (windowEnd.getTime() > horizon) return 'windowTooFar';
  return undefined;
}

/** The message of a problem, with what it needs to say the bound. */
export function windowMessage(problem: WindowProblem): { key: string; params?: Record<string, string> } {
  return problem === 'windowPast' ? { key: 'needs.errors.windowPast' } : { key: 'needs.errors.windowTooFar', params: { years: String(NEED_HORIZON_YEARS) } };
}

import { SCORED_STEPS, type Completeness } from './completeness.js';

/** The editor's steps, in order; each is a page /experts/me/<name> with one form (or a list and its forms). */
export const EDITOR_STEPS = [
  'identity', 'residence', 'professional', 'preferences', 'languages', 'skills', 'availability', 'degrees', 'cv', 'privacy', 'data',
] as const;
export type EditorStep = (typeof EDITOR_STEPS)[number];

export const stepPath = (step: EditorStep) => `/experts/me/${step}`;

export interface StepLink {
  name: EditorStep;
  href: string;
  /** undefined for steps that do not count in the meter (privacy, data rights) */
  done?: boolean;
  current: boolean;
}

/** The navigation between steps, with what is done, for the view. */
export function stepLinks(meter: Completeness, current: EditorStep | 'overview'): StepLink[] {
  return EDITOR_STEPS.map((name) => ({
    name,
    href: stepPath(name),
    done: name in SCORED_STEPS ? meter.done[name as keyof typeof SCORED_STEPS] : undefined,
    current: name === current,
  }));
}

/** The step after this one, for the "save and continue" redirect. */
export function nextStep(step: EditorStep): EditorStep {
  const i = EDITOR_STEPS.indexOf(step);
  return EDITOR_STEPS[Math.min(i + 1, EDITOR_STEPS.length - 1)]!;
}

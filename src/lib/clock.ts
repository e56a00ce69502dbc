/**
 * Where "now" comes from. The app receives one at construction (src/app.ts), so that tests can put it on the day
 * a rule is about (a mission's start date, say) instead of depending on the day they happen to run.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export const TEMPLATE_DB = 'jisr_template';
export const DEMO_TEMPLATE_DB = 'jisr_demo_template';
/** The demo template is generated for a fixed day, so tests that read it are repeatable. */
export const DEMO_TODAY = new Date('2026-11-29T00:00:00Z');

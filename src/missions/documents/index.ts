export { renderMissionOrder } from './mission-order.js';
export { renderCertificate } from './certificate.js';
export type { MissionDocumentData, MissionDocumentRenderer } from './types.js';

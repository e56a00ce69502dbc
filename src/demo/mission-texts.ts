/** French texts of demo mission reports, evaluations and follow-ups. */
import type { Rng } from './random.js';
import { de, frOf, lowerFirst } from './util.js';

export interface ReportInput {
  institution: string;
  skills: readonly string[];
  year: number;
}

export function expertReport(rng: Rng, r: ReportInput) {
  const [a = '', b = a] = r.skills.map(lowerFirst);
  const agents = rng.int(6, 35);
  return {
    expertActivities: rng.pick([
      `Diagnostic de la situation de départ avec les équipes ${frOf(r.institution)}, ${rng.int(3, 8)} ateliers de travail sur ${a} et ${b}, visites de terrain et entretiens avec ${agents} agents.`,
      `Revue documentaire, observation des pratiques en ${a}, puis sessions de formation-action (${rng.int(4, 12)} demi-journées) et accompagnement individuel des référents.`,
    ]),
    expertResults: rng.pick([
      `Plan d'action en ${rng.int(3, 6)} axes validé par la direction ; ${agents} agents formés ; procédure ${de(a)} rédigée et adoptée.`,
      `Outils de suivi en ${a} mis en place, ${agents} agents formés et une équipe référente constituée pour pérenniser les acquis.`,
    ]),
    expertRecommendations: rng.pick([
      `Désigner un référent interne en ${a}, programmer un point de suivi à distance dans six mois et intégrer les indicateurs proposés au tableau de bord de l'institution.`,
      `Consolider les acquis en ${b} par un tutorat interne et prévoir une seconde mission courte pour l'évaluation à douze mois.`,
    ]),
  };
}

export function evaluationOutcomes(rng: Rng, r: ReportInput): string {
  const [a = ''] = r.skills.map(lowerFirst);
  return rng.pick([
    `Les recommandations ont été intégrées au plan d'action ${r.year}. Les équipes appliquent désormais la nouvelle procédure ${de(a)}.`,
    `Mission très utile : ${rng.int(2, 5)} des livrables sont déjà en usage et un référent interne en ${a} a été désigné.`,
    `Apport jugé solide ; la mise en œuvre dépend désormais du recrutement d'un technicien dédié en ${a}.`,
  ]);
}

export function followUpNotes(rng: Rng): string {
  return rng.pick([
    `Un an après la mission : ${rng.int(55, 90)} % des actions du plan sont réalisées ; le référent interne forme à son tour de nouveaux agents.`,
    `Suivi à douze mois : l'indicateur de départ s'est nettement amélioré et l'institution souhaite une seconde mission sur un volet complémentaire.`,
  ]);
}

export const DECLINE_NOTES = ['Indisponible aux dates proposées, malgré mon intérêt pour le projet.', 'Contrainte professionnelle imprévue sur la période.'];
export const REJECTION_REASONS = [
  "Budget de l'exercice épuisé pour cette région ; la mission pourra être proposée à nouveau l'an prochain.",
  "Le besoin relève d'un marché de prestation et non d'une mission d'expertise bénévole.",
];
export const CANCELLATION_REASONS = [
  "Report du projet par l'institution d'accueil.",
  "Empêchement de l'expert·e pour raison de santé.",
];

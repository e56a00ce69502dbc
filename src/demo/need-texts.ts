/** French and Arabic texts of demo needs (title, description, baseline), built from templates and skill labels. */
import type { MissionMode } from '../generated/prisma/client.js';
import type { Rng } from './random.js';
import { arList, frList, frThe, lowerFirst, upperFirst } from './util.js';

export interface NeedTextInput {
  institution: string;
  institutionAr: string;
  city: string;
  /** labels of the required skills, then the desirable ones, in the need's language */
  required: readonly string[];
  desirable: readonly string[];
  durationDays: number;
  mode: MissionMode;
  expertsWanted: number;
  year: number;
}

export interface NeedTexts {
  title: string;
  description: string;
  baseline: string;
}

const FR_TITLES: readonly ((l: string, l2: string, city: string) => string)[] = [
  (l) => `Appui technique en ${l}`,
  (l) => `Diagnostic et plan d'action : ${l}`,
  (l) => `Formation des équipes en ${l}`,
  (l) => `Renforcement des capacités en ${l}`,
  (l, l2) => `Expertise en ${l} et ${l2}`,
  (l) => `Audit et recommandations en ${l}`,
  (l) => `Accompagnement méthodologique : ${l}`,
  (l) => `Étude de faisabilité — ${l}`,
  (l) => `Élaboration d'une feuille de route en ${l}`,
  (l) => `Mentorat des équipes techniques en ${l}`,
  (l, _l2, city) => `Transfert de compétences en ${l} à ${city}`,
];

const FR_DELIVERABLES = [
  "Livrables attendus : un diagnostic partagé, un plan d'action priorisé et une séance de restitution auprès des équipes.",
  'Livrables attendus : un rapport de recommandations, des supports de formation réutilisables et un plan de suivi à six mois.',
  "La mission comprendra des ateliers pratiques avec les équipes locales et un rapport final assorti d'indicateurs de suivi.",
  "L'expert·e travaillera en binôme avec un référent interne afin d'assurer la pérennité des acquis.",
];

function frMode(mode: MissionMode, city: string): string {
  if (mode === 'on_site') return `sur site à ${city}`;
  if (mode === 'remote') return 'à distance';
  return `en format hybride (à distance et sur site à ${city})`;
}

export function needTextsFr(rng: Rng, n: NeedTextInput): NeedTexts {
  const req = n.required.map(lowerFirst);
  const des = n.desirable.map(lowerFirst);
  const main = req[0] ?? '';
  const title = rng.pick(FR_TITLES)(main, req[1] ?? des[0] ?? main, n.city);
  const inst = frThe(n.institution);
  const context = rng.pick([
    `${upperFirst(inst)} (${n.city}) souhaite mobiliser un·e expert·e de la diaspora pour renforcer ses équipes en ${main}.`,
    `Dans le cadre de son plan de développement, ${inst} recherche une expertise pointue en ${main} pour accompagner ses services à ${n.city}.`,
    `${upperFirst(inst)} fait face à des besoins croissants en ${main} et sollicite l'appui d'un·e expert·e qualifié·e.`,
    `Pour mener à bien un chantier prioritaire, ${inst} a besoin d'un appui ponctuel en ${main}.`,
  ]);
  const scope = `La mission portera notamment sur : ${frList(req)}.` + (des.length ? ` Une expérience en ${frList(des)} serait un atout.` : '');
  const format = `Durée : ${n.durationDays} jours, ${frMode(n.mode, n.city)}.` +
    (n.expertsWanted > 1 ? ` ${n.expertsWanted} expert·e·s recherché·e·s.` : '');
  const p = rng.int(25, 60);
  const agents = rng.int(6, 40);
  const baseline = rng.pick([
    `Aucune procédure formalisée en ${main} à ce jour ; ${agents} agents concernés, dont aucun n'a été formé.`,
    `Taux de conformité estimé à ${p} % lors du dernier audit interne (${n.year}) ; objectif : ${p + 20} % un an après la mission.`,
    `${agents} agents à former et aucun référent interne identifié en ${main}.`,
    `Délai moyen de traitement actuel : ${rng.int(10, 60)} jours ; l'institution mesurera son évolution six mois après la mission.`,
    `Pas de plan d'action en ${main} ; indicateurs suivis : adoption d'un plan validé et nombre d'actions engagées à douze mois.`,
  ]);
  return { title, description: [context, scope, rng.pick(FR_DELIVERABLES), format].join('\n\n'), baseline: `Situation de départ : ${lowerFirst(baseline)}` };
}

const AR_TITLES: readonly ((a: string) => string)[] = [
  (a) => `دعم تقني في مجال ${a}`,
  (a) => `تشخيص وخطة عمل في مجال ${a}`,
  (a) => `تكوين الفرق في ${a}`,
  (a) => `تعزيز القدرات في مجال ${a}`,
  (a) => `مواكبة منهجية في ${a}`,
  (a) => `إعداد خارطة طريق في مجال ${a}`,
];

function arMode(mode: MissionMode): string {
  if (mode === 'on_site') return 'حضوريا بمقر المؤسسة';
  if (mode === 'remote') return 'عن بعد';
  return 'بصيغة مختلطة (عن بعد وحضوريا)';
}

export function needTextsAr(rng: Rng, n: NeedTextInput): NeedTexts {
  const main = n.required[0] ?? '';
  const title = rng.pick(AR_TITLES)(main);
  const context = rng.pick([
    `تحتاج المؤسسة (${n.institutionAr}) إلى خبير(ة) من مغاربة العالم لتعزيز قدرات فرقها في مجال ${main}.`,
    `في إطار مخطط تنميتها، تبحث المؤسسة (${n.institutionAr}) عن خبرة متخصصة في ${main} لمواكبة مصالحها.`,
  ]);
  const scope = `ستشمل المهمة على الخصوص: ${arList(n.required)}.` + (n.desirable.length ? ` وتعتبر الخبرة في ${arList(n.desirable)} ميزة إضافية.` : '');
  const deliverables = rng.pick([
    'المخرجات المنتظرة: تشخيص مشترك، وخطة عمل ذات أولويات، وجلسة لتقديم النتائج لفائدة الفرق.',
    'المخرجات المنتظرة: تقرير توصيات، ودعامات تكوينية قابلة لإعادة الاستعمال، وخطة تتبع لمدة ستة أشهر.',
  ]);
  const format = `المدة: ${n.durationDays} يوما، ${arMode(n.mode)}.` + (n.expertsWanted > 1 ? ` عدد الخبراء المطلوبين: ${n.expertsWanted}.` : '');
  const baseline = rng.pick([
    `الوضعية الأولية: لا توجد مسطرة مضبوطة في مجال ${main} حاليا، و${rng.int(6, 40)} موظفا معنيا دون تكوين.`,
    `الوضعية الأولية: نسبة المطابقة المقدرة ${rng.int(25, 60)}٪ حسب آخر افتحاص داخلي.`,
    `الوضعية الأولية: غياب خطة عمل في مجال ${main}؛ المؤشر المتتبع هو اعتماد خطة مصادق عليها خلال اثني عشر شهرا.`,
  ]);
  return { title, description: [context, scope, deliverables, format].join('\n\n'), baseline };
}

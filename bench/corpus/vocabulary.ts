/**
 * Word material for the generated corpus: Dutch as it is spoken in interviews about pupil guidance
 * (leerlingenbegeleiding), ordered from frequent to rare so that a Zipf draw gives a natural spread.
 */
export const FUNCTION_WORDS = (
  'de en het een ik dat is van je die niet in we er dan ook wel op met maar voor zo te als ze wat zijn ' +
  'dus nog hebben heel echt om bij of naar uit al was hoe moet kan toch gewoon eigenlijk heb hij worden ' +
  'meer wordt mijn ons onze daar hier waar omdat want zelf nu altijd soms vaak even eens misschien ' +
  'zeker natuurlijk allemaal iets niets iemand alles veel weinig beetje tussen door over tegen zonder'
).split(' ');

export const CONTENT_WORDS = (
  'leerlingen school leerkrachten klas ouders zorg begeleiding jaar leerling collega\'s team directie ' +
  'gesprek vragen problemen leerlingenbegeleider CLB zorgbeleid afspraken overleg klassenraad tijd ' +
  'leerlingbespreking werking taak rol visie zorgteam gesprekken opvolging signalen welzijn ' +
  'basiszorg verhoogde zorg uitbreiding zorgcontinuüm handelingsplan doorverwijzing netwerk pedagogisch ' +
  'didactisch begeleiden ondersteunen luisteren vertrouwen samenwerken opvolgen bespreken signaleren ' +
  'belangrijk moeilijk goed beter anders nieuw groot klein sterk duidelijk open concreet snel ' +
  'vertrouwenspersoon leefwereld schoolteam coördinator opleiding vorming nascholing ervaring ' +
  'studiekeuze attitude motivatie gedrag pesten afwezigheid spijbelen thuissituatie echtscheiding ' +
  'faalangst concentratie huiswerk planning rapport examens toetsen punten uitval attest ' +
  'mentor titularis klastitularis graad richting studierichting secundair onderwijs lager ' +
  'budget uren lesuren middelen ruimte lokaal bureau deur agenda mail smartschool telefoon ' +
  'ondersteuningsnetwerk zorgcoördinator beleidsmedewerker psycholoog orthopedagoog maatschappelijk ' +
  'werker leerlingenraad ouderraad schoolraad inspectie decreet leerzorg M-decreet redelijke ' +
  'aanpassingen differentiëren remediëren compenseren dispenseren inclusie diversiteit ' +
  'anderstalige nieuwkomers kansarmoede armoede cultuur religie taal Nederlands thuistaal ' +
  'grenzen bewaken professioneel beroepsgeheim privacy dossier verslag registratie ' +
  'emotioneel sociaal cognitief welbevinden veerkracht zelfvertrouwen weerbaarheid conflict ' +
  'herstelgericht time-out sanctie tuchtprocedure orde discipline regels reglement ' +
  'evaluatie reflectie feedback coaching intervisie supervisie teamoverleg personeelsvergadering ' +
  'draagvlak verwachtingen frustratie werkdruk energie motivatie passie betrokkenheid engagement ' +
  'ideeën inzichten voorbeelden situaties momenten dingen mensen kinderen jongeren pubers ' +
  'vroeger tegenwoordig vandaag morgen volgend afgelopen schooljaar trimester semester week'
).split(' ');

/** Words that appear seldom on purpose: the rare-word search needs a known, small number of hits. */
export const RARE_WORDS = ['schoolpsycholoog', 'schoolverzuimbeleid', 'doorstroomcijfers', 'leerlingvolgsysteem'];

/** A phrase planted now and then, for the phrase search. */
export const PLANTED_PHRASE = 'brede basiszorg';

export const INTERVIEWER_QUESTIONS = [
  'Kan je iets vertellen over je rol als leerlingenbegeleider?',
  'Hoe ziet een gewone werkdag eruit?',
  'Wat betekent zorg voor jou op deze school?',
  'Hoe verloopt de samenwerking met het CLB?',
  'Wat vinden de leerkrachten van jullie werking?',
  'Welke opleiding heeft je het meest geholpen?',
  'Kan je daar een voorbeeld van geven?',
  'Hoe bedoel je dat precies?',
  'En hoe reageerde de directie daarop?',
  'Wat zou je veranderen als het kon?',
  'Hoe bewaak je je grenzen?',
  'Waar loop je tegenaan?',
];

export const FIRST_NAMES = (
  'An Bert Charlotte Dirk Els Femke Griet Hanne Ilse Jan Katrien Lies Mieke Nele Olivier Pieter ' +
  'Quinten Roos Sofie Tom Ulrike Veerle Wout Xavier Yasmine Zoë Amira Bilal Chloé Dries Emma Fatima'
).split(' ');

export const SCHOOL_TYPES = ['aso', 'tso', 'bso', 'kso', 'buso'];
export const NETWORKS = ['GO!', 'OVSG', 'Katholiek Onderwijs Vlaanderen', 'POV'];
export const ROLES = ['leerlingenbegeleider', 'zorgcoördinator', 'directeur', 'leerkracht', 'CLB-medewerker'];

/** Themes and aspects whose combinations name the labels of a codebook tree. */
export const LABEL_THEMES = (
  'profiel leerlingenbegeleider|taakopvatting|visie op leerkrachten|nuttige opleiding|samenwerking CLB|' +
  'zorgbeleid|ouders|welzijn leerlingen|studiekeuze|gedrag en orde|grenzen bewaken|beroepsgeheim|' +
  'werkdruk|teamwerking|directie|inclusie|diversiteit|nieuwkomers|armoede|pesten|afwezigheid|' +
  'handelingsplan|doorverwijzing|netwerking|professionalisering|evaluatie|communicatie|registratie|' +
  'leerlingbespreking|klassenraad|mentoraat|remediëring|differentiatie|faalangst|motivatie|veerkracht|' +
  'herstelgericht werken|time-out|tucht|regels|privacy|dossier|coaching|intervisie|draagvlak|' +
  'verwachtingen|engagement|leefwereld|thuissituatie|taal'
).split('|');

export const LABEL_ASPECTS = (
  'knelpunt|sterkte|voorbeeld|kritiek|wens|ervaring|aanpak|evolutie|rolopvatting|spanning|' +
  'samenwerking|middelen|tijd|houding|visie|twijfel|succes|mislukking|afspraak|signaal|' +
  'preventie|opvolging|overleg|grens|verantwoordelijkheid|verandering|traditie|beleid|praktijk|gevoel|' +
  'uitdaging|kans|drempel|verwachting|frustratie|betrokkenheid|structuur|flexibiliteit|autonomie|steun'
).split('|');

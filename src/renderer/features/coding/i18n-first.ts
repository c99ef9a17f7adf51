/**
 * The strings of this area that round 1's screens show (the project frame, the transcripts list, the
 * reader): in the first download (issue 19, see i18n/first.ts); the rest are in i18n.ts. Both are
 * merged under "coding".
 */
export const codingFirstStrings = {
  en: {
    markTurn: 'Mark turn {{n}} as part of the interview guide',
    markGuide: 'Interview guide sections and questions',
    unmarkGuide: 'Remove the mark “{{section}}”',
    noGuide: 'This project has no interview guide yet. Add one from the codebook (the LLB study template) first.',
    question: 'question',
    segmentsCount_one: '{{count}} segment',
    segmentsCount_other: '{{count}} segments',
    autocode: 'Auto-code…',
    coders: 'Coder',
    allCoders: 'All coders',
    filtered: 'Only {{coder}}’s codings are shown ({{shown}} of {{total}} segments).',
    showAll: 'Show all coders',
    blind: 'Blind coding',
    blindOn: 'Blind coding: only the codings of {{coder}} are shown; {{hidden}} segments of other coders are hidden.',
    blindOff: 'Show everyone’s codings',
    hint: 'Select words to code them · click a coded passage to select it · 1–9 apply recent labels',
  },
  nl: {
    markTurn: 'Beurt {{n}} markeren als deel van de interviewleidraad',
    markGuide: 'Onderdelen en vragen van de interviewleidraad',
    unmarkGuide: 'Markering “{{section}}” weghalen',
    noGuide: 'Dit project heeft nog geen interviewleidraad. Voeg er eerst een toe vanuit het codeboek (sjabloon LLB-studie).',
    question: 'vraag',
    segmentsCount_one: '{{count}} segment',
    segmentsCount_other: '{{count}} segmenten',
    autocode: 'Automatisch coderen…',
    coders: 'Codeerder',
    allCoders: 'Alle codeerders',
    filtered: 'Alleen de coderingen van {{coder}} staan er ({{shown}} van {{total}} segmenten).',
    showAll: 'Alle codeerders tonen',
    blind: 'Blind coderen',
    blindOn: 'Blind coderen: alleen de coderingen van {{coder}} staan er; {{hidden}} segmenten van andere codeerders zijn verborgen.',
    blindOff: 'Ieders coderingen tonen',
    hint: 'Selecteer woorden om ze te coderen · klik op een gecodeerde passage om ze te kiezen · 1–9 kennen recente labels toe',
  },
};

/**
 * The strings of this area that round 1's screens show (the project frame, the transcripts list, the
 * reader): in the first download (issue 19, see i18n/first.ts); the rest are in i18n.ts. Both are
 * merged under "rounds".
 */
export const roundsFirstStrings = {
  en: {
    label: 'Rounds of the analysis',
    round: 'Round',
    r1: 'Labels',
    r2: 'Concepts',
    r3: 'Learning questions & tensions',
    report: 'Report',
    overview: 'Overview',
    concepts: 'Concepts',
    matrix: 'Commonalities',
    map: 'Concept map',
    learningQuestions: 'Learning questions',
    tensions: 'Tensions',
    screensOf: 'Screens of {{round}}',
    openCount_one: '{{count}} thing left to do',
    openCount_other: '{{count}} things left to do',
  },
  nl: {
    label: 'Rondes van de analyse',
    round: 'Ronde',
    r1: 'Labels',
    r2: 'Concepten',
    r3: 'Leervragen & spanningsvelden',
    report: 'Rapport',
    overview: 'Overzicht',
    concepts: 'Concepten',
    matrix: 'Gemeenschappelijkheden',
    map: 'Conceptenkaart',
    learningQuestions: 'Leervragen',
    tensions: 'Spanningsvelden',
    screensOf: 'Schermen van {{round}}',
    openCount_one: 'nog {{count}} ding te doen',
    openCount_other: 'nog {{count}} dingen te doen',
  },
};

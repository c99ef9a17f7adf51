/**
 * The strings of this area that round 1's screens show (the project frame, the transcripts list, the
 * reader): in the first download (issue 19, see i18n/first.ts); the rest are in i18n.ts. Both are
 * merged under "retrieval".
 */
export const retrievalFirstStrings = {
  en: {
    coded: 'Coded',
    codedShare: '{{percent}} of the text coded',
    segments: 'Segments',
  },
  nl: {
    coded: 'Gecodeerd',
    codedShare: '{{percent}} van de tekst gecodeerd',
    segments: 'Segmenten',
  },
};

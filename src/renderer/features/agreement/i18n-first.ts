/**
 * The strings of this area that round 1's screens show (the project frame, the transcripts list, the
 * reader): in the first download (issue 19, see i18n/first.ts); the rest are in i18n.ts. Both are
 * merged under "agreement".
 */
export const agreementFirstStrings = {
  en: {
    title: 'Agreement',
  },
  nl: {
    title: 'Overeenstemming',
  },
};

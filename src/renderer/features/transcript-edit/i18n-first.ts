/**
 * The strings of this area that round 1's screens show (the project frame, the transcripts list, the
 * reader): in the first download (issue 19, see i18n/first.ts); the rest are in i18n.ts. Both are
 * merged under "transcriptEdit".
 */
export const transcriptEditFirstStrings = {
  en: {
    editTurn: 'Correct turn {{n}}',
    changedBadge: 'words changed',
    removedBadge: 'words deleted',
    changedTitle: 'A correction changed the words of this coded passage; check it.',
  },
  nl: {
    editTurn: 'Beurt {{n}} corrigeren',
    changedBadge: 'woorden gewijzigd',
    removedBadge: 'woorden geschrapt',
    changedTitle: 'Een correctie veranderde de woorden van deze gecodeerde passage; kijk ze na.',
  },
} as const;

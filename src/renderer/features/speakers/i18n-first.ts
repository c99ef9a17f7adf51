/**
 * The strings of this area that round 1's screens show (the project frame, the transcripts list, the
 * reader): in the first download (issue 19, see i18n/first.ts); the rest are in i18n.ts. Both are
 * merged under "speakers".
 */
export const speakersFirstStrings = {
  en: {
    open: 'Roles…',
    openFor: 'Speakers and roles of {{name}}',
    unconfirmed: 'roles unconfirmed',
  },
  nl: {
    open: 'Rollen…',
    openFor: 'Sprekers en rollen van {{name}}',
    unconfirmed: 'rollen niet bevestigd',
  },
} as const;

/**
 * The strings of this area that round 1's screens show (the project frame, the transcripts list, the
 * reader): in the first download (issue 19, see i18n/first.ts); the rest are in i18n.ts. Both are
 * merged under "memos".
 */
export const memosFirstStrings = {
  en: {
    projectSection: 'About the study',
    projectHelp: 'Thoughts on the study as a whole: first impressions, decisions, what to look at next.',
    by: '{{who}} · {{when}}',
    memo: 'Memo',
    memos_one: '{{count}} memo',
    memos_other: '{{count}} memos',
    add: 'New memo',
    delete: 'Delete memo',
    saving: 'Saving…',
    saved: 'Saved',
    unsaved: 'Not saved yet',
    failed: 'Not saved',
    panelLabel: 'Memos',
    onTranscript: 'Memo on this transcript',
    participantLink: 'Details and memo of {{name}}',
    editorLabel: {
      project: 'Memo on the study',
      document: 'Memo on this transcript',
      participant: 'Memo on this participant',
      label: 'Memo on this label',
      segment: 'Memo on this passage',
    },
    placeholder: {
      project: 'Write about the study as a whole…',
      document: 'Write a memo on this transcript…',
      participant: 'Write a memo on this participant…',
      label: 'Write a memo on this label…',
      segment: 'Why does this passage matter? Write a memo…',
    },
  },
  nl: {
    projectSection: 'Over het onderzoek',
    projectHelp: 'Gedachten over het onderzoek als geheel: eerste indrukken, keuzes, waar je verder naar wilt kijken.',
    by: '{{who}} · {{when}}',
    memo: 'Memo',
    memos_one: '{{count}} memo',
    memos_other: "{{count}} memo's",
    add: 'Nieuwe memo',
    delete: 'Memo verwijderen',
    saving: 'Opslaan…',
    saved: 'Opgeslagen',
    unsaved: 'Nog niet opgeslagen',
    failed: 'Niet opgeslagen',
    panelLabel: "Memo's",
    onTranscript: 'Memo bij dit transcript',
    participantLink: 'Details en memo van {{name}}',
    editorLabel: {
      project: 'Memo over het onderzoek',
      document: 'Memo bij dit transcript',
      participant: 'Memo bij deze deelnemer',
      label: 'Memo bij dit label',
      segment: 'Memo bij deze passage',
    },
    placeholder: {
      project: 'Schrijf over het onderzoek als geheel…',
      document: 'Schrijf een memo bij dit transcript…',
      participant: 'Schrijf een memo bij deze deelnemer…',
      label: 'Schrijf een memo bij dit label…',
      segment: 'Waarom is deze passage belangrijk? Schrijf een memo…',
    },
  },
};

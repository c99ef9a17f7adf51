/** Handler names of correcting a transcript after coding (zod-free, like names.ts). */
export const TRANSCRIPT_HANDLER_NAMES = ['transcript/edit-turn', 'transcript/split-turn', 'transcript/join-turns', 'segments/confirm-text', 'segments/remove'] as const;
export type TranscriptHandlerName = (typeof TRANSCRIPT_HANDLER_NAMES)[number];

/**
 * The import rules that give every speaker of a document a role (issue 20 §1), as a pure function:
 * the core runs it on a document's speakers with the project's participants and known interviewers.
 *
 *   a. a speaker whose name is a participant's name is that participant;
 *   b. a name such as Interviewer, Interviewee, Respondent, I / R, Int, Moderator, Onderzoeker, or a
 *      name on the project's list of interviewers, has that role;
 *   c. where some speakers are participants by rule a, any other speaker is the interviewer;
 *   d. with one interviewer known, the other main speaker is the participant (the document's own);
 *   e. where no rule decides, a speaker counts as a participant, unconfirmed.
 *
 * Names are compared case- and accent-insensitively, with a trailing number ignored ("Interviewer 1").
 */
import type { SpeakerRole } from './model.ts';

export type RoleRule = 'a' | 'b' | 'c' | 'd' | 'e';

export interface InferredSpeaker {
  name: string;
  role: SpeakerRole;
  participantId: string | null;
  confirmed: boolean;
  rule: RoleRule;
}

/** "Interviewer 1", "INTERVIEWSTER", "Interviewér" → "interviewster"-like keys for comparing names. */
export function speakerKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('nl')
    .replace(/[\s._:-]*\d+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const INTERVIEWER_NAMES = new Set(['interviewer', 'interviewster', 'interviewers', 'int', 'i', 'moderator', 'moderatrice', 'onderzoeker', 'onderzoekster', 'researcher', 'facilitator', 'gespreksleider', 'q']);
const PARTICIPANT_NAMES = new Set(['interviewee', 'respondent', 'r', 'geinterviewde', 'deelnemer', 'participant', 'a']);

/** The role a name itself says (rule b without the project's list), or null. */
export function roleByName(name: string): 'interviewer' | 'participant' | null {
  const key = speakerKey(name);
  if (INTERVIEWER_NAMES.has(key)) return 'interviewer';
  if (PARTICIPANT_NAMES.has(key)) return 'participant';
  return null;
}

/** The participants by the key of their name (the first of two with one key). */
export function participantKeys(participants: ReadonlyArray<{ id: string; name: string }>): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const p of participants) {
    const key = speakerKey(p.name);
    if (!byKey.has(key)) byKey.set(key, p.id);
  }
  return byKey;
}

export interface RoleContext {
  /** The project's participants (names after pseudonyms). */
  participants: ReadonlyArray<{ id: string; name: string }>;
  /**
   * `participantKeys(participants)`, when the caller works out many documents with one context: at
   * size L (1,000 documents, 1,000 participants) doing it per document cost 2 s of each rebuild.
   */
  participantKeys?: ReadonlyMap<string, string>;
  /** Names the researcher has made interviewer somewhere in the project. */
  interviewers: ReadonlySet<string>;
  /** The document's own participant, if it has one. */
  documentParticipantId: string | null;
}

/**
 * Roles for the speakers of one document, in the order given. `sizes` is how much each speaker says
 * (characters), to find the main speaker for rule d.
 */
export function inferRoles(speakers: ReadonlyArray<{ name: string; size: number }>, context: RoleContext): InferredSpeaker[] {
  const byKey = context.participantKeys ?? participantKeys(context.participants);
  const interviewers = new Set([...context.interviewers].map(speakerKey));
  const out = new Map<string, InferredSpeaker>();
  // a
  for (const { name } of speakers) {
    const participantId = byKey.get(speakerKey(name));
    if (participantId) out.set(name, { name, role: 'participant', participantId, confirmed: true, rule: 'a' });
  }
  // b
  for (const { name } of speakers) {
    if (out.has(name)) continue;
    const role = interviewers.has(speakerKey(name)) ? 'interviewer' : roleByName(name);
    if (role === 'interviewer') out.set(name, { name, role, participantId: null, confirmed: true, rule: 'b' });
    else if (role === 'participant') out.set(name, { name, role, participantId: context.documentParticipantId, confirmed: true, rule: 'b' });
  }
  // c
  if ([...out.values()].some((s) => s.rule === 'a')) {
    for (const { name } of speakers) if (!out.has(name)) out.set(name, { name, role: 'interviewer', participantId: null, confirmed: true, rule: 'c' });
  }
  // d: one interviewer known and no participant yet; the one who says most of the rest is the participant.
  const decided = [...out.values()];
  const open = speakers.filter((s) => !out.has(s.name));
  if (decided.filter((s) => s.role === 'interviewer').length === 1 && !decided.some((s) => s.role === 'participant') && open.length > 0) {
    const main = open.reduce((a, b) => (b.size > a.size ? b : a));
    out.set(main.name, { name: main.name, role: 'participant', participantId: context.documentParticipantId, confirmed: true, rule: 'd' });
  }
  // e
  const unknown = speakers.filter((s) => !out.has(s.name));
  for (const { name } of unknown) {
    // A lone unknown speaker beside known ones is the document's participant; several are anyone's guess.
    const participantId = unknown.length === 1 && !decided.some((s) => s.role === 'participant') ? context.documentParticipantId : null;
    // A document with one voice has nothing to confuse: a monologue is the participant's.
    out.set(name, { name, role: 'participant', participantId, confirmed: speakers.length === 1, rule: 'e' });
  }
  return speakers.map((s) => out.get(s.name)!);
}

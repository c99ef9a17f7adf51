/**
 * The roles index after a transcript correction (issue 28): at size L rebuilding every document's
 * roles and turns after each corrected word cost 1.4 s. A correction works out again only the
 * document it changed; a speaker's role, which reaches other documents, rebuilds them all.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/database.ts';
import { codingIndex } from '../../src/main/core/coding/store-index.ts';
import { listDocuments } from '../../src/main/core/documents/store.ts';
import { speechIndex, type DocumentRoles } from '../../src/main/core/speakers/service.ts';
import { newSession } from '../support/temp.ts';
import { caller } from './analysis-fixture.ts';

async function twoInterviews() {
  const s = newSession('hanne');
  const call = caller(s.session);
  const one = join(s.dir, 'gesprek-1.txt');
  const two = join(s.dir, 'gesprek-2.txt');
  writeFileSync(one, 'Hanne: Hoe gaat het?\n\nJonas: Goed, de werkdruk valt mee.\n\nHanne: En de planning?\n\nJonas: Die is zwaar.\n');
  writeFileSync(two, 'Hanne: En bij jou?\n\nMira: De werkdruk is hoog.\n');
  await call('documents/import', { files: [{ path: one }, { path: two }] });
  const [first, second] = listDocuments(s.project.db).sort((a, b) => a.name.localeCompare(b.name));
  return { ...s, call, first: first!.id, second: second!.id };
}

/** A document's roles and turns, without the serial that tells one working-out from another. */
const roles = (document: DocumentRoles | undefined) => {
  if (!document) return document;
  const { serial: _serial, ...rest } = document;
  return rest;
};
const all = (documents: Map<string, DocumentRoles>) => new Map([...documents].map(([id, document]) => [id, roles(document)]));

/** The index as a connection that never saw it would build it: every document from scratch. */
function fresh(path: string) {
  const db = openDatabase(path, { readOnly: true });
  try {
    return all(speechIndex(db).documents);
  } finally {
    db.close();
  }
}

describe('the roles index after a correction', () => {
  it('a corrected word works out that document again only; a speaker edit keeps it right; a role set rebuilds all', async () => {
    const s = await twoInterviews();
    // A coded passage in each: counting works out each segment's speech and keeps it on its entry.
    const { segment: inFirst } = await s.call('codings/apply', { documentId: s.first, start: 0, end: 5, labelName: 'Vraag' });
    const { segment: inSecond } = await s.call('codings/apply', { documentId: s.second, start: 0, end: 5, labelName: 'Vraag' });
    await s.call('labels/list', {});
    const speechOf = (id: string) => codingIndex(s.project.db).segments.get(id)!.speech;
    const [firstSpeech, secondSpeech] = [speechOf(inFirst.id), speechOf(inSecond.id)];
    expect(secondSpeech).toBeDefined();
    const before = speechIndex(s.project.db);

    await s.call('transcript/edit-turn', { documentId: s.first, position: 1, text: 'Goed hoor, de werkdruk valt best mee.' });
    const afterWord = speechIndex(s.project.db);
    // The other document's roles and turns are the very ones kept: not rebuilt.
    expect(afterWord.documents.get(s.second)).toBe(before.documents.get(s.second));
    expect(afterWord.documents.get(s.first)).not.toBe(before.documents.get(s.first));
    // The corrected one follows the new spans (later turns moved), as a build from scratch has it.
    expect(afterWord.serial).not.toBe(before.serial);
    expect(roles(afterWord.documents.get(s.first))).toEqual(fresh(s.path).get(s.first));
    expect(afterWord.documents.get(s.first)!.turns.starts[3]).toBeGreaterThan(before.documents.get(s.first)!.turns.starts[3]!);
    // Counted again, only the corrected document's segments have their speech worked out anew. (In
    // the other scope: the participants' counts were kept, since the correction moved no passage.)
    await s.call('labels/list', { speakers: 'all' });
    expect(speechOf(inSecond.id)).toBe(secondSpeech);
    expect(speechOf(inFirst.id)).not.toBe(firstSpeech);
    expect(speechOf(inFirst.id)).toEqual(firstSpeech);

    // A turn given to another speaker: that document's speakers follow, the other is still kept.
    await s.call('transcript/edit-turn', { documentId: s.first, position: 3, speaker: 'Hanne' });
    const afterSpeaker = speechIndex(s.project.db);
    expect(afterSpeaker.documents.get(s.second)).toBe(before.documents.get(s.second));
    expect(roles(afterSpeaker.documents.get(s.first))).toEqual(fresh(s.path).get(s.first));
    expect(afterSpeaker.documents.get(s.first)!.speakers.find((x) => x.name === 'Jonas')!.turns).toBe(1);

    // Undone, as before the speaker edit.
    await s.call('history/undo', {});
    expect(roles(speechIndex(s.project.db).documents.get(s.first))).toEqual(fresh(s.path).get(s.first));

    // A role set in one document reaches the others (she is on the project's list of interviewers now): all rebuilt.
    expect(before.documents.get(s.second)!.speakers.find((x) => x.name === 'Hanne')!.role).toBe('participant');
    // (Set once first: a new speaker row changes the index's fingerprint, which rebuilds it anyway.)
    await s.call('speakers/set', { name: 'Hanne', role: 'other', documentId: s.first });
    const stored = speechIndex(s.project.db);
    await s.call('speakers/set', { name: 'Hanne', role: 'interviewer', documentId: s.first });
    const afterRole = speechIndex(s.project.db);
    expect(afterRole.documents.get(s.second)).not.toBe(stored.documents.get(s.second));
    expect(all(afterRole.documents)).toEqual(fresh(s.path));
    expect(afterRole.documents.get(s.second)!.speakers.find((x) => x.name === 'Hanne')!.role).toBe('interviewer');
  });
});

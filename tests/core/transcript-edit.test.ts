import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Project } from '../../src/main/core/project.ts';
import { documentText, getDocument, listDocuments } from '../../src/main/core/documents/store.ts';
import { allRows } from '../support/rows.ts';
import { newSession } from '../support/temp.ts';
import { caller } from './analysis-fixture.ts';
import { countLabels } from '../../src/main/core/codebook/label-counts.ts';
import { latestChange } from '../../src/main/core/concepts/store-sets.ts';
import { leftCountsUnchanged } from '../../src/main/core/coding/counts-version.ts';

const TRANSCRIPT = [
  'Interviewer: Hoe plannen jullie de zorg voor leerlingen?',
  '',
  'Katrien: We plannen de zorg samen met het team. Elke week is er overleg met de zorgcoördinator 🙂.',
  '',
  'Interviewer: En de ouders?',
  '',
  'Katrien: De ouders bellen we zelden, dat doet de directie.',
].join('\n');

async function codedInterview() {
  const { session, project, dir } = newSession('hanne');
  const call = caller(session);
  const file = join(dir, 'interview-katrien.txt');
  writeFileSync(file, TRANSCRIPT);
  await call('documents/import', { files: [{ path: file }] });
  const documentId = listDocuments(project.db)[0]!.id;
  const text = documentText(project.db, documentId)!;
  const code = async (words: string, labelName: string) => {
    const start = text.indexOf(words);
    return (await call('codings/apply', { documentId, start, end: start + words.length, labelName })).segment;
  };
  const zorg = await code('We plannen de zorg samen met het team.', 'Zorgplanning');
  const overleg = await code('Elke week is er overleg met de zorgcoördinator 🙂', 'Overleg');
  const ouders = await code('De ouders bellen we zelden', 'Ouders');
  const before = await code('Hoe plannen jullie de zorg', 'Vraag');
  return { session, project, call, documentId, segments: { zorg, overleg, ouders, before } };
}

const segmentRow = (project: Project, id: string) =>
  project.db.prepare('SELECT start, end, text, text_status AS status, previous_text AS previous FROM segments WHERE id = ?').get(id) as {
    start: number;
    end: number;
    text: string;
    status: string | null;
    previous: string | null;
  };

function expectConsistent(project: Project, documentId: string): void {
  const doc = getDocument(project.db, documentId)!;
  for (const turn of doc.turns) expect(doc.text.slice(turn.start, turn.end)).toBe(turn.text);
  expect(doc.turns.map((t) => t.position)).toEqual(doc.turns.map((_, i) => i));
  for (const s of project.db.prepare('SELECT start, end, text FROM segments WHERE document_id = ?').all(documentId) as Array<{ start: number; end: number; text: string }>) {
    expect(doc.text.slice(s.start, s.end)).toBe(s.text);
  }
  // The search index holds exactly the turns' words.
  project.db.prepare("INSERT INTO turns_fts (turns_fts) VALUES ('integrity-check')").run();
}

describe('correcting a transcript after coding', () => {
  it('fixes a word inside a coded passage: that passage is flagged with its old words, every other keeps its characters, search follows, one undo step', async () => {
    const { project, call, documentId, segments } = await codedInterview();
    const rowsBefore = allRows(project);
    const turn = getDocument(project.db, documentId)!.turns[1]!;
    const result = await call('transcript/edit-turn', { documentId, position: 1, text: turn.text.replace('We plannen', 'Wij plannen') });
    expect(result.changed).toEqual([segments.zorg.id]);
    expect(result.removed).toEqual([]);
    expect(segmentRow(project, segments.zorg.id)).toMatchObject({ text: 'Wij plannen de zorg samen met het team.', status: 'changed', previous: 'We plannen de zorg samen met het team.' });
    // After the edit: moved one character, same words; before it: untouched.
    expect(segmentRow(project, segments.overleg.id)).toMatchObject({ start: segments.overleg.start + 1, text: segments.overleg.text, status: null });
    expect(segmentRow(project, segments.ouders.id)).toMatchObject({ start: segments.ouders.start + 1, text: segments.ouders.text, status: null });
    expect(segmentRow(project, segments.before.id)).toMatchObject({ start: segments.before.start, end: segments.before.end, status: null });
    expectConsistent(project, documentId);
    expect((await call('search/query', { query: 'wij' })).hits.length).toBe(1);
    // The flag shows on the segment the page reads.
    const listed = (await call('segments/list', { documentId })).find((s) => s.id === segments.zorg.id)!;
    expect(listed).toMatchObject({ textStatus: 'changed', previousText: 'We plannen de zorg samen met het team.' });

    const rowsAfter = allRows(project);
    project.undo();
    expect(allRows(project)).toEqual(rowsBefore);
    expect((await call('search/query', { query: 'wij' })).hits.length).toBe(0);
    project.redo();
    expect(allRows(project)).toEqual(rowsAfter);

    // Confirmed: the flag goes, as one more step.
    await call('segments/confirm-text', { segmentIds: [segments.zorg.id] });
    expect(segmentRow(project, segments.zorg.id)).toMatchObject({ status: null, previous: null, text: 'Wij plannen de zorg samen met het team.' });
  });

  it('splits a turn inside a coded passage and joins it back: flagged, then back to its coded words and unflagged', async () => {
    const { project, call, documentId, segments } = await codedInterview();
    const rowsBefore = allRows(project);
    const turn = getDocument(project.db, documentId)!.turns[1]!;
    const at = turn.text.indexOf(' Elke week');
    const split = await call('transcript/split-turn', { documentId, position: 1, at, speaker: 'Jonas' });
    expect(split.changed).toEqual([]);
    const doc = getDocument(project.db, documentId)!;
    expect(doc.turns.map((t) => t.speaker)).toEqual(['Interviewer', 'Katrien', 'Jonas', 'Interviewer', 'Katrien']);
    expect(doc.turns[2]!.text).toBe('Elke week is er overleg met de zorgcoördinator 🙂.');
    expect(doc.turnCount).toBe(5);
    expect(doc.speakers).toEqual(['Interviewer', 'Katrien', 'Jonas']);
    expect(segmentRow(project, segments.overleg.id)).toMatchObject({ text: segments.overleg.text, status: null });
    expectConsistent(project, documentId);

    // A split inside the coded passage flags it; joining back restores its words and drops the flag.
    const zorgTurn = getDocument(project.db, documentId)!.turns[1]!;
    const inside = await call('transcript/split-turn', { documentId, position: 1, at: zorgTurn.text.indexOf(' de zorg') });
    expect(inside.changed).toEqual([segments.zorg.id]);
    expect(segmentRow(project, segments.zorg.id)).toMatchObject({ text: 'We plannen\n\nde zorg samen met het team.', status: 'changed' });
    await call('transcript/join-turns', { documentId, position: 1 });
    expect(segmentRow(project, segments.zorg.id)).toMatchObject({ text: 'We plannen de zorg samen met het team.', status: null, previous: null });
    await call('transcript/join-turns', { documentId, position: 1 });
    expect(getDocument(project.db, documentId)!.turns.map((t) => t.speaker)).toEqual(['Interviewer', 'Katrien', 'Interviewer', 'Katrien']);
    expectConsistent(project, documentId);
    // Three more steps back: exactly as before the first split.
    project.undo();
    project.undo();
    project.undo();
    project.undo();
    expect(allRows(project)).toEqual(rowsBefore);
  });

  it('keeps a passage whose words were all deleted, empty at the edit with its codings, until it is removed or anchored again', async () => {
    const { project, call, documentId, segments } = await codedInterview();
    const turn = getDocument(project.db, documentId)!.turns[3]!;
    const result = await call('transcript/edit-turn', { documentId, position: 3, text: turn.text.replace('De ouders bellen we zelden, ', '') });
    expect(result.removed).toEqual([segments.ouders.id]);
    const row = segmentRow(project, segments.ouders.id);
    expect(row).toMatchObject({ text: '', status: 'removed', previous: 'De ouders bellen we zelden' });
    expect(row.start).toBe(row.end);
    expect(row.start).toBe(turn.start);
    expect(project.db.prepare('SELECT COUNT(*) FROM codings WHERE segment_id = ?').pluck().get(segments.ouders.id)).toBe(1);
    await expect(call('segments/confirm-text', { segmentIds: [segments.ouders.id] })).rejects.toThrow(/remove it, or select its new words/);
    // Anchored again on other words: a plain segment once more.
    const text = documentText(project.db, documentId)!;
    const start = text.indexOf('dat doet de directie');
    await call('segments/resize', { segmentId: segments.ouders.id, start, end: start + 'dat doet de directie'.length });
    expect(segmentRow(project, segments.ouders.id)).toMatchObject({ text: 'dat doet de directie', status: null, previous: null });
    project.undo();
    expect(segmentRow(project, segments.ouders.id).status).toBe('removed');
    await call('segments/remove', { segmentId: segments.ouders.id });
    expect(project.db.prepare('SELECT COUNT(*) FROM segments WHERE id = ?').pluck().get(segments.ouders.id)).toBe(0);
    expect(project.db.prepare('SELECT COUNT(*) FROM codings WHERE segment_id = ?').pluck().get(segments.ouders.id)).toBe(0);
  });

  it('changes a speaker: roles and counts follow the turn', async () => {
    const { project, call, documentId, segments } = await codedInterview();
    const speakers = async () => (await call('speakers/list', {}))[0]!.speakers.map((s) => [s.name, s.role, s.turns]);
    expect(await speakers()).toEqual([
      ['Interviewer', 'interviewer', 2],
      ['Katrien', 'participant', 2],
    ]);
    await call('transcript/edit-turn', { documentId, position: 2, speaker: 'Katrien' });
    expect(await speakers()).toEqual([
      ['Interviewer', 'interviewer', 1],
      ['Katrien', 'participant', 3],
    ]);
    // The question coded in the interviewer's first turn is still the interviewer's; none of the segments moved.
    expect(segmentRow(project, segments.before.id).status).toBeNull();
    await call('transcript/edit-turn', { documentId, position: 0, speaker: 'Katrien', startMs: 1500 });
    expect(getDocument(project.db, documentId)!.turns[0]).toMatchObject({ speaker: 'Katrien', startMs: 1500 });
    expect(await speakers()).toEqual([['Katrien', 'participant', 4]]);
    project.undo();
    expect(await speakers()).toEqual([
      ['Interviewer', 'interviewer', 1],
      ['Katrien', 'participant', 3],
    ]);
  });

  it('keeps the codebook counts through a correction that moves passages only, and counts again after one that changes whose speech they are', async () => {
    const { project, call, documentId } = await codedInterview();
    const counts = async () => Object.fromEntries((await call('labels/list', {})).map((l) => [l.name, [l.segmentCount, l.documentCount]]));
    // By hand: Zorgplanning, Overleg and Ouders are Katrien's words (counted); the question is the interviewer's (not counted).
    const byHand = { Zorgplanning: [1, 1], Overleg: [1, 1], Ouders: [1, 1], Vraag: [0, 0] };
    expect(await counts()).toEqual(byHand);
    const turn = getDocument(project.db, documentId)!.turns[0]!;
    await call('transcript/edit-turn', { documentId, position: 0, text: turn.text.replace('leerlingen', 'kinderen') });
    expect(leftCountsUnchanged(project.db, latestChange(project.db))).toBe(true);
    expect(await counts()).toEqual(byHand);
    // Katrien's last turn becomes the interviewer's: Ouders is no participant's speech any more.
    await call('transcript/edit-turn', { documentId, position: 3, speaker: 'Interviewer' });
    expect(leftCountsUnchanged(project.db, latestChange(project.db))).toBe(false);
    expect(await counts()).toEqual({ ...byHand, Ouders: [0, 0] });
    const fresh = project.db.transaction(() => countLabels(project.db, 'participants', undefined, 'sql'))();
    expect(Object.fromEntries((await call('labels/list', {})).map((l) => [l.name, [l.segmentCount, l.documentCount]]))).toEqual(
      Object.fromEntries((await call('labels/list', {})).map((l) => [l.name, [fresh.get(l.id)!.segmentCount, fresh.get(l.id)!.documentCount]])),
    );
  });

  it('counts again when a correction leaves a flagged passage over fewer turns', async () => {
    const { project, call, documentId } = await codedInterview();
    const text = documentText(project.db, documentId)!;
    // From Katrien's last words of turn 2 into the interviewer's question after it: Katrien's speech, counted.
    const start = text.indexOf('🙂.');
    const end = text.indexOf('En de ouders?') + 'En de ouders?'.length;
    await call('codings/apply', { documentId, start, end, labelName: 'Brug' });
    const brug = async () => (await call('labels/list', {})).find((l) => l.name === 'Brug')!;
    expect(await brug()).toMatchObject({ segmentCount: 1, documentCount: 1 });
    // Its words in Katrien's turn go: it is flagged, and holds only the interviewer's words now.
    const turn = getDocument(project.db, documentId)!.turns[1]!;
    const result = await call('transcript/edit-turn', { documentId, position: 1, text: turn.text.replace(' 🙂.', '') });
    expect(result.changed.length).toBeGreaterThan(0);
    expect(leftCountsUnchanged(project.db, latestChange(project.db))).toBe(false);
    expect(await brug()).toMatchObject({ segmentCount: 0, documentCount: 0 });
  });

  it('memos, guide marks and quotes follow their words', async () => {
    const { project, call, documentId, segments } = await codedInterview();
    const text = documentText(project.db, documentId)!;
    const guideStart = text.indexOf('En de ouders?');
    const sections = await call('guide/set', { sections: [{ title: 'Ouders', questions: [] }] });
    const mark = await call('guide/markSpan', { documentId, sectionId: sections[0]!.id, start: guideStart, end: guideStart + 'En de ouders?'.length });
    const paragraph = { children: [{ detail: 0, format: 0, mode: 'normal', style: '', text: 'Elke week', type: 'text', version: 1 }], direction: null, format: '', indent: 0, type: 'paragraph', version: 1 };
    const bodyRich = JSON.stringify({ root: { children: [paragraph], direction: null, format: '', indent: 0, type: 'root', version: 1 } });
    const memo = await call('memos/save', { target: { kind: 'segment', id: segments.overleg.id }, title: 'Wekelijks', bodyRich, bodyText: 'Elke week' });
    const turn = getDocument(project.db, documentId)!.turns[0]!;
    await call('transcript/edit-turn', { documentId, position: 0, text: `Goedemorgen. ${turn.text}` });
    const moved = project.db.prepare('SELECT start, end FROM guide_spans WHERE id = ?').get(mark.id) as { start: number; end: number };
    expect(documentText(project.db, documentId)!.slice(moved.start, moved.end)).toBe('En de ouders?');
    // The memo still hangs on the segment, and the segment is on the same words.
    const memos = await call('memos/list', { target: { kind: 'segment', id: segments.overleg.id } });
    expect(memos.map((m) => [m.id, m.targetName])).toEqual([[memo.id, expect.stringContaining('Elke week is er overleg')]]);
    expectConsistent(project, documentId);
  });

  it('refuses what would garble the transcript, and writes nothing', async () => {
    const { project, call, documentId } = await codedInterview();
    const before = allRows(project);
    await expect(call('transcript/edit-turn', { documentId, position: 1, text: '   ' })).rejects.toThrow(/cannot be left empty/);
    await expect(call('transcript/edit-turn', { documentId, position: 1, text: 'Een.\n\nTwee.' })).rejects.toThrow(/blank line: split the turn/);
    await expect(call('transcript/edit-turn', { documentId, position: 9, text: 'x' })).rejects.toThrow(/has no turn 10/);
    await expect(call('transcript/split-turn', { documentId, position: 1, at: 1 })).rejects.toThrow(/between words/);
    await expect(call('transcript/join-turns', { documentId, position: 3 })).rejects.toThrow(/last of/);
    await expect(call('transcript/edit-turn', { documentId, position: 1 })).rejects.toThrow(/Nothing to change/);
    expect(allRows(project)).toEqual(before);
  });
});

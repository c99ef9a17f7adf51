import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Project } from '../../src/main/core/project.ts';
import { getDocument, listDocuments } from '../../src/main/core/documents/store.ts';
import { listLabels } from '../../src/main/core/codebook/label-counts.ts';
import { listSegments } from '../../src/main/core/coding/store.ts';
import { applyLabel, removeCoding, resizeSegment } from '../../src/main/core/coding/service.ts';
import { autocode, previewAutocode } from '../../src/main/core/coding/autocode.ts';
import { createLabel, deleteLabel, mergeLabels, updateLabel } from '../../src/main/core/codebook/labels.ts';
import { importFiles } from '../../src/main/core/documents/import.ts';
import { FIXTURES, newSession } from '../support/temp.ts';

/** The coded state: every row of the tables undo and redo restore. */
function coded(project: Project) {
  const all = (table: string) => project.db.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
  return { labels: all('labels'), segments: all('segments'), codings: all('codings') };
}

async function withDocument(text: string, coder = 'an') {
  const { project, dir } = newSession(coder);
  const path = join(dir, 'gesprek.txt');
  writeFileSync(path, text);
  await importFiles(project, { files: [{ path }] });
  const document = getDocument(project.db, listDocuments(project.db)[0]!.id)!;
  return { project, document };
}

async function withStudy() {
  const { project } = newSession('hanne');
  await importFiles(project, {
    files: [{ path: join(FIXTURES, 'participants.csv') }, { path: join(FIXTURES, 'transcripts') }],
    pseudonyms: { path: join(FIXTURES, 'pseudonyms.csv') },
  });
  return project;
}

describe('the codebook', () => {
  it('creates labels with a colour each, refuses a second one of the same name beside it, and nests', async () => {
    const { project } = await withDocument('I: Vraag?\nR: Antwoord.');
    const profiel = createLabel(project, { name: 'profiel leerlingenbegeleider', origin: 'a-priori' });
    const visie = createLabel(project, { name: 'visie op leerkrachten', origin: 'a-priori' });
    expect(profiel).toMatchObject({ origin: 'a-priori', round: 1, createdBy: 'an', parentId: null, segmentCount: 0 });
    expect(profiel.colour).not.toBe(visie.colour);
    expect(() => createLabel(project, { name: 'Profiel Leerlingenbegeleider' })).toThrow('There is already a label "Profiel Leerlingenbegeleider" here.');
    const sub = createLabel(project, { name: 'opleiding', parentId: profiel.id });
    expect(createLabel(project, { name: 'opleiding', parentId: visie.id }).parentId).toBe(visie.id); // same name, other parent
    expect(() => updateLabel(project, profiel.id, { parentId: sub.id })).toThrow('"profiel leerlingenbegeleider" cannot go under itself or one of its own sub-labels.');
    expect(updateLabel(project, sub.id, { name: 'nuttige opleiding', definition: 'Opleidingen die de LB zelf nuttig vindt.' })).toMatchObject({
      name: 'nuttige opleiding',
      definition: 'Opleidingen die de LB zelf nuttig vindt.',
    });
  });
});

describe('coding segments', () => {
  it('codes exact spans, also around emoji and accents from CRLF input, and overlapping ones', async () => {
    const { project, document } = await withDocument('Lena: Dat was 👍🏽 echt top, café.\r\nHanne: Oké.\r\n');
    const top = document.text.indexOf('echt top');
    const first = applyLabel(project, { documentId: document.id, start: top, end: top + 'echt top'.length, labelName: 'waardering' });
    expect(first.createdLabel).toBe(true);
    expect(first.label.origin).toBe('emergent');
    expect(first.segment.text).toBe('echt top');
    const emoji = document.text.indexOf('👍🏽');
    const wide = applyLabel(project, { documentId: document.id, start: emoji, end: document.text.indexOf('.') + 1, labelName: 'echt top, café', origin: 'in-vivo' });
    expect(wide.segment.text).toBe('👍🏽 echt top, café.');
    expect(wide.label.origin).toBe('in-vivo');
    applyLabel(project, { documentId: document.id, start: emoji, end: document.text.indexOf('.') + 1, labelName: 'waardering' });
    const segments = listSegments(project.db, document.id);
    expect(segments.map((s) => [s.text, s.codings.length])).toEqual([
      ['👍🏽 echt top, café.', 2],
      ['echt top', 1],
    ]);
    for (const s of segments) expect(document.text.slice(s.start, s.end)).toBe(s.text);
    expect(() => applyLabel(project, { documentId: document.id, start: emoji + 1, end: emoji + 4, labelName: 'x' })).toThrow(/splits a character/);
    expect(() => applyLabel(project, { documentId: document.id, start: 5, end: 500, labelName: 'x' })).toThrow(/is not inside "gesprek"/);
    expect(listLabels(project.db).find((l) => l.name === 'waardering')).toMatchObject({ segmentCount: 2, documentCount: 1 });
  });

  it('removes a label from a segment, and the segment with its last label', async () => {
    const { project, document } = await withDocument('R: Een twee drie.');
    const { segment, label } = applyLabel(project, { documentId: document.id, start: 0, end: 3, labelName: 'telwoord' });
    const other = applyLabel(project, { documentId: document.id, start: 0, end: 3, labelName: 'begin' }).label;
    removeCoding(project, { segmentId: segment.id, labelId: label.id });
    expect(listSegments(project.db, document.id)[0]!.codings).toEqual([{ labelId: other.id, coder: expect.any(String), coderName: 'an' }]);
    removeCoding(project, { segmentId: segment.id, labelId: other.id });
    expect(listSegments(project.db, document.id)).toEqual([]);
    expect(() => removeCoding(project, { segmentId: segment.id, labelId: other.id })).toThrow('That segment has no "begin" coding by an.');
  });
});

describe('merge and delete', () => {
  it('merges two labels: codings move, duplicates collapse, sub-labels move along', async () => {
    const { project, document } = await withDocument('R: Een twee drie vier.');
    const a = createLabel(project, { name: 'samenwerking CLB' });
    const b = createLabel(project, { name: 'samenwerking met CLB en PBD' });
    const child = createLabel(project, { name: 'overleg', parentId: a.id });
    applyLabel(project, { documentId: document.id, start: 0, end: 3, labelId: a.id });
    applyLabel(project, { documentId: document.id, start: 0, end: 3, labelId: b.id });
    applyLabel(project, { documentId: document.id, start: 4, end: 8, labelId: a.id });
    const result = mergeLabels(project, a.id, b.id);
    expect([result.moved, result.collapsed]).toEqual([1, 1]);
    expect(listLabels(project.db).map((l) => l.name).sort()).toEqual(['overleg', 'samenwerking met CLB en PBD']);
    expect(listLabels(project.db).find((l) => l.id === child.id)!.parentId).toBe(b.id);
    expect(result.label.segmentCount).toBe(2);
  });

  it('deletes a label with its codings and says how many; its sub-labels move up', async () => {
    const { project, document } = await withDocument('R: Een twee drie vier.');
    const parent = createLabel(project, { name: 'context' });
    const label = createLabel(project, { name: 'school', parentId: parent.id });
    const grandchild = createLabel(project, { name: 'net', parentId: label.id });
    applyLabel(project, { documentId: document.id, start: 0, end: 3, labelId: label.id });
    applyLabel(project, { documentId: document.id, start: 4, end: 8, labelId: label.id });
    expect(deleteLabel(project, label.id)).toEqual({ codings: 2 });
    expect(listLabels(project.db).find((l) => l.id === grandchild.id)!.parentId).toBe(parent.id);
    expect(listSegments(project.db, document.id)).toEqual([]);
  });
});

describe('undo and redo', () => {
  it('undoes and redoes every coding and codebook action exactly, one step each', async () => {
    const { project, document } = await withDocument('Lena: Dat was 👍🏽 echt top.\nHanne: Echt? Vertel.\nLena: Ja, echt.');
    const a = createLabel(project, { name: 'a' });
    const b = createLabel(project, { name: 'b' });
    const seg = applyLabel(project, { documentId: document.id, start: 0, end: 7, labelId: a.id }).segment;
    applyLabel(project, { documentId: document.id, start: 0, end: 7, labelId: b.id });
    const actions: Array<[string, () => unknown]> = [
      ['create', () => createLabel(project, { name: 'c' })],
      ['update', () => updateLabel(project, a.id, { name: 'a2', colour: '#123456', parentId: b.id, definition: 'Def.', definitionRich: '{"root":{}}' })],
      ['apply with a new label', () => applyLabel(project, { documentId: document.id, start: 8, end: 15, labelName: 'nieuw' })],
      ['resize', () => resizeSegment(project, { segmentId: seg.id, start: 0, end: 13 })],
      ['remove', () => removeCoding(project, { segmentId: seg.id, labelId: a.id })],
      ['autocode', async () => autocode(project, { labelName: 'echt', query: { text: 'echt' }, scope: 'match', speakers: 'all' })],
      ['merge', () => mergeLabels(project, a.id, b.id)],
      ['delete', () => deleteLabel(project, b.id)],
    ];
    for (const [name, action] of actions) {
      const before = coded(project);
      await action();
      const after = coded(project);
      expect(after, name).not.toEqual(before);
      expect(project.undo()?.action, name).toBe('history/undo');
      expect(coded(project), `${name} undone`).toEqual(before);
      expect(project.redo()?.action, name).toBe('history/redo');
      expect(coded(project), `${name} redone`).toEqual(after);
    }
  });

  it('walks back through the whole session and forward again; a new action ends the redo list', async () => {
    const { project, document } = await withDocument('R: Een twee drie vier vijf.');
    const states = [coded(project)];
    const label = createLabel(project, { name: 'telwoord' });
    states.push(coded(project));
    for (const [start, end] of [[0, 3], [4, 8], [9, 13]] as const) {
      applyLabel(project, { documentId: document.id, start, end, labelId: label.id });
      states.push(coded(project));
    }
    for (let i = states.length - 2; i >= 0; i--) {
      project.undo();
      expect(coded(project)).toEqual(states[i]);
    }
    expect(project.undo()).toBeNull();
    expect(project.history).toEqual({ canUndo: false, canRedo: true });
    project.redo();
    project.redo();
    expect(coded(project)).toEqual(states[2]);
    createLabel(project, { name: 'ander' });
    expect(project.history).toEqual({ canUndo: true, canRedo: false });
    expect(project.redo()).toBeNull();
    project.undo();
    expect(coded(project)).toEqual(states[2]);
    const log = project.db.prepare("SELECT action, undo_of AS undoOf FROM change_log WHERE action LIKE 'history/%' ORDER BY id").all() as Array<{ action: string; undoOf: number | null }>;
    expect(log.filter((l) => l.action === 'history/undo')).toHaveLength(5);
    expect(log.every((l) => l.action !== 'history/undo' || l.undoOf !== null)).toBe(true);
  });
});

describe('auto-coding the study', () => {
  it('codes every hit of a phrase, a regular expression or a speaker, as one undoable step', async () => {
    const project = await withStudy();
    const phrase = await autocode(project, { labelName: 'brede basiszorg', query: { text: 'brede basiszorg' }, scope: 'match', speakers: 'all' });
    expect(phrase.hits).toBeGreaterThan(10);
    expect(phrase.coded).toBe(phrase.hits);
    expect(phrase.label.segmentCount).toBe(phrase.coded);
    const segments = listDocuments(project.db).flatMap((d) => listSegments(project.db, d.id));
    expect(segments.every((s) => /^brede\s+basiszorg$/i.test(s.text))).toBe(true);
    const again = await autocode(project, { labelName: 'brede basiszorg', query: { text: 'Brede Basiszorg' }, scope: 'match', speakers: 'all' });
    expect([again.hits, again.coded]).toEqual([phrase.hits, 0]);

    const regex = await autocode(project, { labelName: 'CLB', query: { regex: '\\bCLB\\b' }, scope: 'match', speakers: 'all' });
    expect(regex.hits).toBeGreaterThan(5);
    const speaker = await autocode(project, { labelName: 'antwoorden K.L.', query: { speaker: 'k.l.' }, scope: 'match', speakers: 'all' });
    const kl = getDocument(project.db, listDocuments(project.db).find((d) => d.name === 'interview-01-aso')!.id)!;
    expect(speaker.coded).toBe(kl.turns.filter((t) => t.speaker === 'K.L.').length);
    expect(speaker.documents).toBe(1);

    const preview = await previewAutocode(project, { text: 'leervragen' }, 3, { scope: 'match', speakers: 'all' });
    expect(preview.hits).toHaveLength(3);
    expect(preview.total).toBeGreaterThan(3);
    expect(preview.hits[0]!.match.toLowerCase()).toBe('leervragen');
    const before = coded(project);
    const run = await autocode(project, { labelName: 'leervraag', query: { text: 'leervragen' }, scope: 'match', speakers: 'all' });
    expect(run.hits).toBe(preview.total);
    project.undo();
    expect(coded(project)).toEqual(before);
    await expect(autocode(project, { labelName: 'x', query: { regex: '(' }, scope: 'match', speakers: 'all' })).rejects.toThrow(/^"\(" is not a valid regular expression/);
  });
});

describe('resizing a segment', () => {
  it('moves its span and snapshot, and refuses a span another segment has', async () => {
    const { project, document } = await withDocument('R: Een twee drie vier.');
    const one = applyLabel(project, { documentId: document.id, start: 0, end: 3, labelName: 'a' }).segment;
    applyLabel(project, { documentId: document.id, start: 4, end: 8, labelName: 'b' });
    expect(resizeSegment(project, { segmentId: one.id, start: 0, end: 13 })).toMatchObject({ text: 'Een twee drie', codings: [{ coderName: 'an' }] });
    expect(() => resizeSegment(project, { segmentId: one.id, start: 4, end: 8 })).toThrow('Another segment already covers exactly that span.');
  });
});

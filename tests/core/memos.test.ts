import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../src/main/core/db/migrations.ts';
import { dispatch } from '../../src/main/core/handlers.ts';
import type { Project } from '../../src/main/core/project.ts';
import { getDocument, listDocuments } from '../../src/main/core/documents/store.ts';
import { listParticipants } from '../../src/main/core/participants/store.ts';
import { applyLabel, removeCoding } from '../../src/main/core/coding/service.ts';
import { createLabel, deleteLabel, mergeLabels } from '../../src/main/core/codebook/labels.ts';
import { importFiles } from '../../src/main/core/documents/import.ts';
import { deleteMemo, listMemos, saveMemo } from '../../src/main/core/memos/service.ts';
import { plainTextOf } from '../../src/renderer/components/rich-text/plain-text.ts';
import { newSession } from '../support/temp.ts';

/** Lexical editor state of one paragraph, as the renderer's editor writes it. */
function rich(text: string): string {
  return JSON.stringify({
    root: {
      children: [
        {
          children: [{ detail: 0, format: 0, mode: 'normal', style: '', text, type: 'text', version: 1 }],
          direction: null,
          format: '',
          indent: 0,
          type: 'paragraph',
          version: 1,
        },
      ],
      direction: null,
      format: '',
      indent: 0,
      type: 'root',
      version: 1,
    },
  });
}

const body = (text: string) => ({ bodyRich: rich(text), bodyText: text });

function memoRows(project: Project) {
  return project.db.prepare('SELECT * FROM memos ORDER BY id').all();
}

async function withStudy() {
  const { project, dir, session } = newSession('an');
  const path = join(dir, 'Interview Lena.txt');
  writeFileSync(path, 'Interviewer: Hoe begon het?\nLena: Met een 👍🏽 idee van de directie.\nInterviewer: En toen?\nLena: Toen ging het snel.\n');
  await importFiles(project, { files: [{ path }], participant: 'Lena' });
  const document = getDocument(project.db, listDocuments(project.db)[0]!.id)!;
  const participant = listParticipants(project.db)[0]!;
  const start = document.text.indexOf('Toen ging');
  const { segment, label } = applyLabel(project, { documentId: document.id, start, end: start + 'Toen ging het snel.'.length, labelName: 'tempo' });
  return { project, session, document, participant, segment, label };
}

describe('migration 0004_memos', () => {
  it('adds memos whose targets take them along when deleted, recorded in the row history only inside a write', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, loadMigrations().slice(0, 4));
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    const insert = db.prepare(
      "INSERT INTO memos (id, target_kind, target_id, title, body_rich, body_text, created_by, created_at, updated_by, updated_at) VALUES (?, ?, ?, '', '{}', '', 'a', 't', 'a', 't')",
    );
    expect(() => insert.run('x', 'concept', 'c')).toThrow(/CHECK/);
    expect(() => insert.run('x', 'project', 'p')).toThrow(/CHECK/);
    expect(() => insert.run('x', 'label', null)).toThrow(/CHECK/);
    insert.run('m0', 'project', null);
    db.prepare("INSERT INTO labels (id, name, position, colour, origin, created_by, created_at) VALUES ('l', 'x', 0, '#000000', 'emergent', 'a', 't')").run();
    db.prepare("INSERT INTO participants (id, name, created_at) VALUES ('p', 'Lena', 't')").run();
    db.prepare("INSERT INTO documents VALUES ('d', 'n', 'interview', 'p', 'abcdef', 1, 's', 'h', 'txt', 't', 'c')").run();
    db.prepare("INSERT INTO segments (id, document_id, start, end, text, created_by, created_at) VALUES ('s', 'd', 0, 3, 'abc', 'a', 't')").run();
    insert.run('m1', 'label', 'l');
    insert.run('m2', 'participant', 'p');
    insert.run('m3', 'document', 'd');
    insert.run('m4', 'segment', 's');
    expect(db.prepare('SELECT COUNT(*) AS n FROM change_rows').get()).toEqual({ n: 0 });

    db.prepare("INSERT INTO change_log (id, at, coder, action, summary) VALUES (7, 't', 'a', 'test', '')").run();
    db.prepare('UPDATE write_context SET change_id = 7').run();
    db.prepare("UPDATE memos SET title = 'y' WHERE id = 'm0'").run();
    db.prepare("DELETE FROM labels WHERE id = 'l'").run();
    db.prepare("DELETE FROM participants WHERE id = 'p'").run();
    // The document's segment goes by cascade, and its memo with it.
    db.prepare("DELETE FROM documents WHERE id = 'd'").run();
    expect(db.prepare('SELECT id FROM memos').all()).toEqual([{ id: 'm0' }]);
    const rows = db.prepare("SELECT op, row_id AS rowId FROM change_rows WHERE tbl = 'memos' ORDER BY seq").all();
    expect(rows).toEqual([
      { op: 'update', rowId: 'm0' },
      { op: 'delete', rowId: 'm1' },
      { op: 'delete', rowId: 'm2' },
      { op: 'delete', rowId: 'm4' },
      { op: 'delete', rowId: 'm3' },
    ]);
    const before = db.prepare("SELECT before FROM change_rows WHERE tbl = 'memos' AND row_id = 'm1'").get() as { before: string };
    expect(Object.keys(JSON.parse(before.before) as object).sort()).toEqual(
      ['body_rich', 'body_text', 'created_at', 'created_by', 'id', 'target_id', 'target_kind', 'title', 'updated_at', 'updated_by'].sort(),
    );
    db.close();
  });
});

describe('memos', () => {
  it('creates memos on every kind of target, names the target, and lists them per target, newest first', async () => {
    const { project, document, participant, segment, label } = await withStudy();
    const onProject = saveMemo(project, { target: { kind: 'project' }, title: ' Eerste indruk ', ...body('Veel over tempo.') });
    expect(onProject).toMatchObject({ target: { kind: 'project', id: null }, targetName: 'Test study', title: 'Eerste indruk', bodyText: 'Veel over tempo.', createdBy: 'an', updatedBy: 'an' });
    const onDocument = saveMemo(project, { target: { kind: 'document', id: document.id }, ...body('Rustig gesprek.') });
    expect(onDocument).toMatchObject({ targetName: 'Interview Lena', documentId: document.id, documentName: 'Interview Lena', turn: null, title: '' });
    const onParticipant = saveMemo(project, { target: { kind: 'participant', id: participant.id }, ...body('Nieuw in de functie.') });
    expect(onParticipant.targetName).toBe('Lena');
    const onLabel = saveMemo(project, { target: { kind: 'label', id: label.id }, ...body('Snelheid van verandering.') });
    expect(onLabel).toMatchObject({ targetName: 'tempo', colour: label.colour });
    const onSegment = saveMemo(project, { target: { kind: 'segment', id: segment.id }, ...body('Waarom zo snel?') });
    expect(onSegment).toMatchObject({ targetName: 'Toen ging het snel.', documentId: document.id, documentName: 'Interview Lena', turn: 3 });

    expect(listMemos(project).map((m) => m.id)).toEqual([onSegment, onLabel, onParticipant, onDocument, onProject].map((m) => m.id));
    expect(listMemos(project, { kind: 'segment', id: segment.id })).toEqual([onSegment]);
    expect(listMemos(project, { kind: 'project' })).toEqual([onProject]);
    expect(listMemos(project, { kind: 'label' }).map((m) => m.id)).toEqual([onLabel.id]);
    const second = saveMemo(project, { target: { kind: 'segment', id: segment.id }, ...body('Ook bij andere scholen?') });
    expect(listMemos(project, { kind: 'segment', id: segment.id }).map((m) => m.id)).toEqual([second.id, onSegment.id]);
    expect(project.db.prepare("SELECT COUNT(*) AS n FROM change_log WHERE action = 'memos/save'").get()).toEqual({ n: 6 });
  });

  it('updates a memo in one write, and writes nothing when nothing changed', async () => {
    const { project, segment } = await withStudy();
    const memo = saveMemo(project, { target: { kind: 'segment', id: segment.id }, title: 'Vraag', ...body('Waarom?') });
    const count = () => (project.db.prepare('SELECT COUNT(*) AS n FROM change_log').get() as { n: number }).n;
    const changes = count();
    const changed = saveMemo(project, { id: memo.id, target: { kind: 'segment', id: segment.id }, ...body('Waarom zo snel?') });
    expect(changed).toMatchObject({ id: memo.id, title: 'Vraag', bodyText: 'Waarom zo snel?', createdAt: memo.createdAt });
    expect(changed.updatedAt >= memo.updatedAt).toBe(true);
    expect(count()).toBe(changes + 1);
    expect(saveMemo(project, { id: memo.id, target: { kind: 'segment', id: segment.id }, ...body('Waarom zo snel?') })).toEqual(changed);
    expect(count()).toBe(changes + 1);
    expect(listMemos(project)).toEqual([changed]);
  });

  it('deletes a memo', async () => {
    const { project, label } = await withStudy();
    const memo = saveMemo(project, { target: { kind: 'label', id: label.id }, ...body('Definitie volgt.') });
    expect(deleteMemo(project, memo.id)).toBeNull();
    expect(listMemos(project)).toEqual([]);
    expect(() => deleteMemo(project, memo.id)).toThrow(`There is no memo with id ${memo.id}.`);
    project.undo();
    expect(listMemos(project)).toEqual([memo]);
  });

  it('refuses a target that does not exist, naming it, and a memo without words', async () => {
    const { project, segment } = await withStudy();
    expect(() => saveMemo(project, { target: { kind: 'segment', id: 'nope' }, ...body('x') })).toThrow('There is no segment with id nope to write a memo on.');
    expect(() => saveMemo(project, { target: { kind: 'label', id: 'gone' }, ...body('x') })).toThrow('There is no label with id gone to write a memo on.');
    expect(() => saveMemo(project, { target: { kind: 'document' }, ...body('x') })).toThrow("A memo on a document needs the document's id.");
    expect(() => saveMemo(project, { target: { kind: 'project', id: segment.id }, ...body('x') })).toThrow('A memo on the project takes no target id.');
    expect(() => saveMemo(project, { target: { kind: 'project' }, ...body('  ') })).toThrow('A memo needs a title or some text.');
    expect(() => saveMemo(project, { target: { kind: 'project' }, bodyRich: '{"nope":1}', bodyText: 'x' })).toThrow(/not a Lexical editor state/);
    expect(() => saveMemo(project, { id: 'missing', target: { kind: 'project' }, ...body('x') })).toThrow(/There is no memo with id missing/);
    expect(memoRows(project)).toEqual([]);
  });

  it('goes with its segment when the segment goes, and comes back when that is undone; redo takes it away again', async () => {
    const { project, segment, label } = await withStudy();
    const memo = saveMemo(project, { target: { kind: 'segment', id: segment.id }, ...body('Waarom zo snel?') });
    const rows = memoRows(project);
    removeCoding(project, { segmentId: segment.id, labelId: label.id });
    expect(memoRows(project)).toEqual([]);
    project.undo();
    expect(memoRows(project)).toEqual(rows);
    expect(listMemos(project, { kind: 'segment', id: segment.id })).toEqual([memo]);
    project.redo();
    expect(memoRows(project)).toEqual([]);
    project.undo();
    expect(memoRows(project)).toEqual(rows);
  });

  it('goes with its label when the label is deleted, and comes back on undo, as after a merge', async () => {
    const { project, document, label } = await withStudy();
    const other = createLabel(project, { name: 'snelheid' });
    applyLabel(project, { documentId: document.id, start: 0, end: 11, labelId: other.id });
    saveMemo(project, { target: { kind: 'label', id: label.id }, ...body('Over tempo.') });
    saveMemo(project, { target: { kind: 'label', id: other.id }, ...body('Over snelheid.') });
    const rows = memoRows(project);
    deleteLabel(project, label.id);
    expect(listMemos(project).map((m) => m.bodyText)).toEqual(['Over snelheid.']);
    project.undo();
    expect(memoRows(project)).toEqual(rows);
    mergeLabels(project, other.id, label.id);
    expect(listMemos(project).every((m) => m.target.id === label.id)).toBe(true);
    project.undo();
    expect(memoRows(project)).toEqual(rows);
  });

  it('undoes and redoes saving and deleting, one step each', async () => {
    const { project } = await withStudy();
    const created = saveMemo(project, { target: { kind: 'project' }, ...body('Eerste versie.') });
    const afterCreate = memoRows(project);
    saveMemo(project, { id: created.id, target: { kind: 'project' }, title: 'Titel', ...body('Tweede versie.') });
    const afterUpdate = memoRows(project);
    deleteMemo(project, created.id);
    project.undo();
    expect(memoRows(project)).toEqual(afterUpdate);
    project.undo();
    expect(memoRows(project)).toEqual(afterCreate);
    project.undo();
    expect(memoRows(project)).toEqual([]);
    project.redo();
    expect(memoRows(project)).toEqual(afterCreate);
    project.redo();
    expect(memoRows(project)).toEqual(afterUpdate);
    project.redo();
    expect(memoRows(project)).toEqual([]);
  });

  it('answers through the handlers, with the arguments checked', async () => {
    const { session, segment } = await withStudy();
    const memo = (await dispatch(session, 'memos/save', { target: { kind: 'segment', id: segment.id }, bodyRich: rich('Via de API.'), bodyText: 'Via de API.' })) as { id: string };
    expect(await dispatch(session, 'memos/list', { target: { kind: 'segment', id: segment.id } })).toMatchObject([{ id: memo.id, bodyText: 'Via de API.' }]);
    expect(await dispatch(session, 'memos/list', {})).toHaveLength(1);
    await expect(dispatch(session, 'memos/save', { target: { kind: 'concept', id: 'x' }, bodyRich: rich('x'), bodyText: 'x' })).rejects.toThrow();
    expect(await dispatch(session, 'memos/delete', { id: memo.id })).toBeNull();
    expect(await dispatch(session, 'memos/list', {})).toEqual([]);
  });
});

describe('the plain text of a memo', () => {
  it('reads paragraphs, formatting, line breaks and (nested) lists out of Lexical JSON', () => {
    const text = (t: string, format = 0) => ({ type: 'text', text: t, format });
    const item = (...children: unknown[]) => ({ type: 'listitem', children });
    const state = {
      root: {
        type: 'root',
        children: [
          { type: 'paragraph', children: [text('Eerste '), text('indruk', 1), { type: 'linebreak' }, text('tweede regel')] },
          { type: 'list', listType: 'bullet', children: [item(text('ASO')), item({ type: 'list', listType: 'number', start: 1, children: [item(text('school A')), item(text('school B'))] })] },
          { type: 'paragraph', children: [] },
        ],
      },
    };
    expect(plainTextOf(JSON.stringify(state))).toBe('Eerste indruk\ntweede regel\n- ASO\n  1. school A\n  2. school B');
    expect(plainTextOf(rich('Waarom?'))).toBe('Waarom?');
    expect(plainTextOf('not json')).toBe('');
    expect(plainTextOf(null)).toBe('');
  });
});

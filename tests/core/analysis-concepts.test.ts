import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../src/main/core/db/migrations.ts';
import { checkUndoRedo, smallStudy } from './analysis-fixture.ts';

describe('migration 0006', () => {
  it('adds the tables of rounds 2 and 3, seeds the four relation types, and keeps the counted table names', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    const migrations = loadMigrations();
    migrate(db, migrations.slice(0, 5));
    expect(migrate(db, migrations.slice(0, 6))).toEqual({ from: 5, to: 6 });
    const tables = (db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as Array<{ name: string; sql: string }>);
    for (const name of ['concepts', 'learning_questions', 'tensions', 'concept_links', 'outline_sections', 'outline_items', 'tension_statements']) {
      const table = tables.find((t) => t.name === name);
      expect(table?.sql).toMatch(/STRICT$/);
      for (const op of ['insert', 'update', 'delete']) {
        expect(db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'trigger' AND name = ?").get(`${name}_history_${op}`)).toBeDefined();
      }
    }
    expect(db.prepare('SELECT key, name, directed FROM relation_types ORDER BY position').all()).toEqual([
      { key: 'related-to', name: 'hangt samen met', directed: 0 },
      { key: 'leads-to', name: 'leidt tot', directed: 1 },
      { key: 'in-tension-with', name: 'staat in spanning met', directed: 0 },
      { key: 'condition-for', name: 'is voorwaarde voor', directed: 1 },
    ]);
    expect(() => db.prepare("INSERT INTO concepts (id, name, colour, position, created_by, created_at) VALUES ('c', '  ', '#000000', 0, 'x', 'y')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO concept_labels (id, concept_id, label_id, position) VALUES ('m', 'nope', 'nope', 0)").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

describe('concepts', () => {
  it('creates, updates, moves and deletes concepts, each one undo step that undo and redo replay exactly', async () => {
    const { project, call, labels } = await smallStudy();
    const a = await checkUndoRedo(project, () => call('concepts/create', { name: ' Zorgbeleid ', definition: 'Hoe de school zorg regelt.', labelIds: [labels.L1, labels.L1] }));
    expect(a).toMatchObject({ name: 'Zorgbeleid', definition: 'Hoe de school zorg regelt.', definitionRich: null, labelIds: [labels.L1], segmentCount: 4 });
    expect(a.colour).toMatch(/^#[0-9A-F]{6}$/i);
    const b = await call('concepts/create', { name: 'Samenwerking', colour: '#123456' });
    expect(b).toMatchObject({ colour: '#123456', position: 1, labelIds: [], segmentIds: [] });
    expect(b.colour).not.toBe(a.colour);

    const rich = JSON.stringify({ root: { type: 'root', children: [] } });
    const updated = await checkUndoRedo(project, () => call('concepts/update', { id: a.id, name: 'Zorg', definitionRich: rich, definition: 'Zorg.' }));
    expect(updated).toMatchObject({ name: 'Zorg', definition: 'Zorg.', definitionRich: rich, colour: a.colour });

    const moved = await checkUndoRedo(project, () => call('concepts/move', { id: b.id, index: 0 }));
    expect(moved.position).toBe(0);
    expect((await call('concepts/list', {})).map((c) => c.name)).toEqual(['Samenwerking', 'Zorg']);

    await checkUndoRedo(project, () => call('concepts/delete', { id: a.id }));
    expect((await call('concepts/list', {})).map((c) => c.name)).toEqual(['Samenwerking']);
    await expect(call('concepts/update', { id: a.id, name: 'x' })).rejects.toThrow(`There is no concept with id ${a.id}.`);
    await expect(call('concepts/create', { name: '   ' })).rejects.toThrow(/Invalid arguments for concepts\/create: name/);
    await expect(call('concepts/create', { name: 'Y', labelIds: ['nope'] })).rejects.toThrow('There is no label with id nope.');
    expect((await call('concepts/list', {})).length).toBe(1); // the refused create left nothing behind
  });

  it('brings labels and segments in and out, undoably, and shows its quotes grouped by participant', async () => {
    const { project, call, labels, segments, participants } = await smallStudy();
    const c = await call('concepts/create', { name: 'C' });
    const withLabels = await checkUndoRedo(project, () => call('concepts/addLabels', { id: c.id, labelIds: [labels.L1a, labels.L2] }));
    expect(withLabels).toMatchObject({ labelIds: [labels.L1a, labels.L2], segmentCount: 5 });
    const withSegment = await checkUndoRedo(project, () => call('concepts/addSegments', { id: c.id, segmentIds: [segments.s6, segments.s3] }));
    expect(withSegment).toMatchObject({ segmentIds: [segments.s6, segments.s3], segmentCount: 6 });
    const again = await call('concepts/addSegments', { id: c.id, segmentIds: [segments.s6] });
    expect(again.segmentIds).toEqual([segments.s6, segments.s3]);

    const page = await call('concepts/quotes', { id: c.id });
    expect(page.concept.id).toBe(c.id);
    expect(page.groups.map((g) => [g.participant?.id ?? null, g.quotes.map((q) => q.text)])).toEqual([
      [participants.bart, ['overleg', 'beleid']],
      [participants.katrien, ['planning', 'zorg', 'team']],
      [null, ['visie']],
    ]);

    const fewer = await checkUndoRedo(project, () => call('concepts/removeLabel', { id: c.id, labelId: labels.L2 }));
    expect(fewer).toMatchObject({ labelIds: [labels.L1a], segmentCount: 5 }); // s3 stays: added directly
    const less = await checkUndoRedo(project, () => call('concepts/removeSegment', { id: c.id, segmentId: segments.s3 }));
    expect(less).toMatchObject({ segmentIds: [segments.s6], segmentCount: 4 });
    await expect(call('concepts/removeLabel', { id: c.id, labelId: labels.L2 })).rejects.toThrow('That label is not in concept "C".');
    await expect(call('concepts/removeSegment', { id: c.id, segmentId: segments.s1 })).rejects.toThrow('That segment was not added to concept "C" directly.');
    await expect(call('concepts/addSegments', { id: c.id, segmentIds: ['gone'] })).rejects.toThrow('There is no segment with id gone.');

    const quotes = await call('quotes/get', { segmentIds: [segments.s5, segments.s1, 'gone'] });
    expect(quotes.map((q) => q.text)).toEqual(['beleid', 'planning']);
    expect(quotes[1]).toMatchObject({ start: expect.any(Number), speaker: 'Katrien', labelIds: [labels.L1, labels.L1a].sort() });
  });

  it('keeps concept membership sensible when labels merge or go, and when segments go', async () => {
    const { project, call, labels, segments } = await smallStudy();
    const both = await call('concepts/create', { name: 'Beide', labelIds: [labels.L1a, labels.L2] });
    const one = await call('concepts/create', { name: 'Een', labelIds: [labels.L2] });
    const section = await call('outline/addSection', { parentId: null, title: 'Over L2', tie: { kind: 'label', id: labels.L2 } });

    // L2 into L1a: "Beide" had both, keeps L1a once; "Een" now holds L1a; the section's tie follows.
    await checkUndoRedo(project, () => call('labels/merge', { sourceId: labels.L2, targetId: labels.L1a }));
    const merged = await call('concepts/list', {});
    expect(merged.map((c) => [c.name, c.labelIds])).toEqual([
      ['Beide', [labels.L1a]],
      ['Een', [labels.L1a]],
    ]);
    expect((await call('outline/get', {})).sections[0]!.tie).toEqual({ kind: 'label', id: labels.L1a });
    expect(section.sections).toHaveLength(1);

    // Deleting L1a: its sub-label L1a-i takes its place in both concepts; its codings' segments go.
    const dropped = await checkUndoRedo(project, () => call('labels/delete', { id: labels.L1a }));
    expect(dropped.codings).toBeGreaterThan(0);
    const after = await call('concepts/list', {});
    expect(after.map((c) => [c.name, c.labelIds, c.segmentCount])).toEqual([
      ['Beide', [labels.L1ai], 1],
      ['Een', [labels.L1ai], 1],
    ]);
    expect((await call('outline/get', {})).sections[0]!.tie).toBeNull();
    expect(both.id).not.toBe(one.id);

    // A direct member whose last label is removed stays: the concept still quotes it.
    await call('concepts/addSegments', { id: one.id, segmentIds: [segments.s6] });
    await call('codings/remove', { segmentId: segments.s6, labelId: labels.L1 });
    expect((await call('concepts/list', {}))[1]!.segmentIds).toEqual([segments.s6]);
    expect((await call('quotes/get', { segmentIds: [segments.s6] })).map((q) => q.labelIds)).toEqual([[]]);
    expect(project.db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
  });

  it('reports concepts, learning questions and tensions in info --json', async () => {
    const { project, call, segments, labels } = await smallStudy();
    await call('concepts/create', { name: 'A', labelIds: [labels.L1] });
    await call('concepts/create', { name: 'B' });
    await call('learningQuestions/fromSegment', { segmentId: segments.s1 });
    await call('tensions/create', { title: 'T', poleA: 'a', poleB: 'b' });
    const path = project.path;
    project.close();
    const result = spawnSync(process.execPath, [join(import.meta.dirname, '../../bin/duiding.js'), 'info', path, '--json'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ concepts: 2, learningQuestions: 1, tensions: 1, labels: 4, segments: 6 });
  });
});

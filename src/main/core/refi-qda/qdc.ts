import type { FileRef } from '../../../shared/api/def.ts';
import { DuidingError, isDuidingError } from '../../../shared/errors.ts';
import type { QdcImportReport } from '../../../shared/interchange.ts';
import { nextColour } from '../../../shared/palette.ts';
import { newId, now } from '../clock.ts';
import type { Project } from '../project.ts';
import { findSibling, insertLabel, labelRow, labelRows, updateLabelRow, usedColours, type LabelRow } from '../codebook/store.ts';
import { loadFileRef } from '../files/files.ts';
import { conceptsFromSets } from './analysis-exchange.ts';
import { colourOf } from './colour.ts';
import { ORIGIN } from './export-qdpx.ts';
import { guidOf } from './guids.ts';
import { readCodebook, type QdeCode } from './qde-read.ts';
import { decodeXml } from './qdpx-package.ts';
import { el, parseXml, textEl, xmlDocument, type XmlNode } from './xml.ts';

/**
 * REFI-QDA codebooks (.qdc): codes in and out as labels. Unlike a project, a codebook may go into a
 * project that already has labels: the same name under the same parent is that label, updated.
 */
export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';
const MAX_LABEL = 200;

export function importQdc(project: Project, file: FileRef): QdcImportReport {
  const loaded = loadFileRef(file);
  let xml: string;
  try {
    xml = decodeXml(loaded.name, loaded.bytes);
  } catch (error) {
    if (!isDuidingError(error)) throw error;
    throw new DuidingError(`${loaded.name} is not a REFI-QDA codebook: ${error.message}`, 'input', { code: 'qdcUnreadable', params: { file: loaded.name } });
  }
  const codebook = readCodebook(loaded.name, parseXml(loaded.name, xml));
  return project.write('interchange/importQdc', () => {
    const report: QdcImportReport = { file: loaded.name, origin: codebook.origin, codes: 0, created: 0, updated: 0, unchanged: 0, sets: codebook.sets.length, concepts: 0, adapted: [], notImported: [] };
    let nonCodable = 0;
    let shortened = 0;
    const ids = new Map<string, string>();
    const walk = (codes: QdeCode[], parentId: string | null) => {
      codes.forEach((code, index) => {
        report.codes++;
        if (!code.codable) nonCodable++;
        let name = code.name.trim().normalize('NFC') || `Code ${index + 1}`;
        if (name.length > MAX_LABEL) {
          name = name.slice(0, MAX_LABEL);
          shortened++;
        }
        const colour = colourOf(code.colour) ?? undefined;
        const definition = code.description.normalize('NFC');
        const existing = findSibling(project.db, parentId, name);
        let id: string;
        if (existing) {
          id = existing.id;
          const before = labelRow(project.db, id)!;
          const patch: Partial<Record<'colour' | 'definition', string>> = {};
          if (colour && colour !== before.colour) patch.colour = colour;
          if (definition && definition !== before.definition) patch.definition = definition;
          if (Object.keys(patch).length) {
            updateLabelRow(project.db, id, patch);
            report.updated++;
          } else report.unchanged++;
        } else {
          id = newId();
          insertLabel(project.db, {
            id,
            name,
            parentId,
            colour: colour ?? nextColour(usedColours(project.db)),
            definition,
            inclusion: '',
            exclusion: '',
            example: '',
            origin: 'a-priori',
            round: 1,
            createdBy: project.coder,
            createdAt: now(),
          });
          report.created++;
        }
        if (code.guid) ids.set(code.guid, id);
        walk(code.children, id);
      });
    };
    walk(codebook.codes, null);
    if (nonCodable) report.adapted.push(`${nonCodable} code${nonCodable === 1 ? '' : 's'} marked not codable (folders) came in as ordinary labels.`);
    if (shortened) report.adapted.push(`${shortened} code name${shortened === 1 ? ' was' : 's were'} longer than ${MAX_LABEL} characters and shortened.`);
    if (codebook.namespace && codebook.namespace !== CODEBOOK_NS) report.adapted.push(`The file uses the namespace ${codebook.namespace}; it was read as REFI-QDA 1.0.`);
    const concepts = conceptsFromSets(project.db, codebook.sets, ids, project.coder, now());
    if (concepts) report.adapted.push(`${concepts} code set${concepts === 1 ? '' : 's'} (groups of codes) became concept${concepts === 1 ? '' : 's'} of round 2.`);
    report.concepts = concepts;
    return {
      result: report,
      summary: `Imported codebook ${loaded.name} (${report.created} new, ${report.updated} updated labels)`,
      detail: { file: loaded.name, created: report.created, updated: report.updated },
    };
  });
}

export function exportQdc(project: Project): { bytes: Uint8Array; counts: Record<string, number> } {
  const labels = labelRows(project.db);
  const byParent = new Map<string | null, LabelRow[]>();
  for (const label of labels) byParent.set(label.parentId, [...(byParent.get(label.parentId) ?? []), label]);
  const node = (label: LabelRow): XmlNode =>
    el('Code', { guid: guidOf(label.id), name: label.name, isCodable: true, color: label.colour }, [
      label.definition ? textEl('Description', label.definition) : null,
      ...(byParent.get(label.id) ?? []).map(node),
    ]);
  const top = (byParent.get(null) ?? []).map(node);
  if (top.length === 0) {
    throw new DuidingError(`${project.name} has no labels yet, and a REFI-QDA codebook needs at least one code.`, 'input', { code: 'qdcNoLabels', params: { project: project.name } });
  }
  const root = el('CodeBook', { xmlns: CODEBOOK_NS, origin: ORIGIN }, [el('Codes', {}, top)]);
  return { bytes: new TextEncoder().encode(xmlDocument(root)), counts: { codes: labels.length } };
}

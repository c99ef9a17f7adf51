import type { Concept, ConceptQuotes } from '../../../shared/analysis.ts';
import { DuidingError } from '../../../shared/errors.ts';
import type { SpeakerScope } from '../../../shared/model.ts';
import { nextColour } from '../../../shared/palette.ts';
import { newId, now } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { Project } from '../project.ts';
import {
  conceptColours,
  conceptMembers,
  conceptRow,
  conceptRows,
  childLabelIds,
  conceptsOfLabel,
  deleteConceptLabel,
  deleteConceptRow,
  deleteConceptSegment,
  existingLabels,
  insertConcept,
  insertConceptLabel,
  insertConceptSegment,
  updateConceptRow,
  type ConceptRow,
} from './store.ts';
import { nextPosition, orderedIds, writeOrder } from '../rounds/store-order.ts';
import { existingSegments } from '../rounds/store-quotes.ts';
import { segmentsOfRow } from './store-sets.ts';
import { checkedIds, notFound, placeAt } from '../rounds/order.ts';
import { groupByParticipant, quotesOf } from '../rounds/quotes.ts';
import { countedKeysOf, countedSegments } from '../speakers/service.ts';
import { supportCounts } from './support-counts.ts';

/** Round 2: concepts made of labels (with everything under them) and single segments. */
/**
 * Per concept: distinct segments, documents and participants, counting participants' speech only
 * (speech of no known participant counts once together, as documents without one did).
 */
function countsOfAll(db: Db, scope: SpeakerScope): Map<string, { segments: number; documents: number; participants: number }> {
  const byDocument = supportCounts(db, 'concepts', 'document', scope);
  const byParticipant = supportCounts(db, 'concepts', 'participant', scope);
  const out = new Map<string, { segments: number; documents: number; participants: number }>();
  const nonZero = (counts: typeof byDocument, r: number) => {
    let columns = 0;
    let sum = 0;
    const width = counts.columnKeys.length;
    for (let c = 0; c < width; c++) {
      const n = counts.cells[r * width + c]!;
      if (n > 0) columns++;
      sum += n;
    }
    return { columns, sum };
  };
  byDocument.rowIds.forEach((conceptId, r) => {
    // Each segment lies in one document: the distinct segments are the sum over the documents.
    const documents = nonZero(byDocument, r);
    out.set(conceptId, { segments: documents.sum, documents: documents.columns, participants: nonZero(byParticipant, r).columns });
  });
  return out;
}

/** One concept's counts from its own segments (a small query) and their speakers. */
function countsOfOne(db: Db, id: string, scope: SpeakerScope): Map<string, { segments: number; documents: number; participants: number }> {
  const counted = [...countedKeysOf(db, segmentsOfRow(db, 'concepts', id), scope).values()].filter((c) => c.keys.length > 0);
  if (counted.length === 0) return new Map();
  return new Map([
    [id, { segments: counted.length, documents: new Set(counted.map((c) => c.document)).size, participants: new Set(counted.flatMap((c) => c.keys)).size }],
  ]);
}

function assemble(db: Db, rows: ConceptRow[], only: string | null, scope: SpeakerScope = 'participants'): Concept[] {
  const members = conceptMembers(db, only);
  // One concept: a query over its own small label tree; all of them: one pass over the codings.
  const counts = only ? countsOfOne(db, only, scope) : countsOfAll(db, scope);
  return rows.map((row) => {
    const c = counts.get(row.id);
    return {
      ...row,
      labelIds: members.labels.get(row.id) ?? [],
      segmentIds: members.segments.get(row.id) ?? [],
      segmentCount: c?.segments ?? 0,
      participantCount: c?.participants ?? 0,
      documentCount: c?.documents ?? 0,
    };
  });
}

/** Every concept with its counts: participants' speech only unless `all` (issue 20). */
export function listConcepts(db: Db, scope: SpeakerScope = 'participants'): Concept[] {
  return assemble(db, conceptRows(db), null, scope);
}

export function getConcept(db: Db, id: string): Concept {
  const row = conceptRow(db, id);
  if (!row) throw notFound('concept', id);
  return assemble(db, [row], id)[0]!;
}

function addLabelsTo(db: Db, conceptId: string, labelIds: readonly string[]): void {
  const ids = checkedIds(labelIds, existingLabels(db, labelIds), 'label');
  let position = nextPosition(db, 'concept_labels', conceptId);
  for (const labelId of ids) insertConceptLabel(db, { id: newId(), conceptId, labelId, position: position++ });
}

export function createConcept(
  project: Project,
  fields: { name: string; definition?: string; definitionRich?: string | null; colour?: string; labelIds?: string[] },
): Concept {
  const db = project.db;
  return project.write('concepts/create', () => {
    const id = newId();
    const name = fields.name.trim().normalize('NFC');
    insertConcept(db, {
      id,
      name,
      definition: fields.definition?.normalize('NFC') ?? '',
      definitionRich: fields.definitionRich ?? null,
      colour: fields.colour ?? nextColour(conceptColours(db)),
      position: nextPosition(db, 'concepts'),
      createdBy: project.coder,
      createdAt: now(),
    });
    addLabelsTo(db, id, fields.labelIds ?? []);
    return { result: getConcept(db, id), summary: `Added concept "${name}"` };
  });
}

export function updateConcept(
  project: Project,
  id: string,
  patch: { name?: string; definition?: string; definitionRich?: string | null; colour?: string },
): Concept {
  const before = getConcept(project.db, id);
  return project.write('concepts/update', () => {
    const name = patch.name?.trim().normalize('NFC') ?? before.name;
    updateConceptRow(project.db, id, {
      name,
      definition: patch.definition?.normalize('NFC') ?? before.definition,
      definitionRich: patch.definitionRich === undefined ? before.definitionRich : patch.definitionRich,
      colour: patch.colour ?? before.colour,
    });
    const summary = name !== before.name ? `Renamed concept "${before.name}" to "${name}"` : `Changed concept "${name}"`;
    return { result: getConcept(project.db, id), summary };
  });
}

export function moveConcept(project: Project, id: string, index: number): Concept {
  const concept = getConcept(project.db, id);
  return project.write('concepts/move', () => {
    writeOrder(project.db, 'concepts', placeAt(orderedIds(project.db, 'concepts'), id, index));
    return { result: getConcept(project.db, id), summary: `Moved concept "${concept.name}" to place ${index + 1}` };
  });
}

/** Its memberships, links, map position and the learning questions' and tensions' references go with it (by cascade, recorded). */
export function deleteConcept(project: Project, id: string): null {
  const concept = getConcept(project.db, id);
  return project.write('concepts/delete', () => {
    deleteConceptRow(project.db, id);
    return { result: null, summary: `Deleted concept "${concept.name}"` };
  });
}

export function addConceptLabels(project: Project, id: string, labelIds: string[]): Concept {
  const concept = getConcept(project.db, id);
  return project.write('concepts/addLabels', () => {
    addLabelsTo(project.db, id, labelIds);
    return { result: getConcept(project.db, id), summary: `Brought ${labelIds.length} label(s) into concept "${concept.name}"` };
  });
}

export function removeConceptLabel(project: Project, id: string, labelId: string): Concept {
  const concept = getConcept(project.db, id);
  if (!concept.labelIds.includes(labelId)) throw new DuidingError(`That label is not in concept "${concept.name}".`, 'input', { code: 'notMember', params: { concept: concept.name } });
  return project.write('concepts/removeLabel', () => {
    deleteConceptLabel(project.db, id, labelId);
    return { result: getConcept(project.db, id), summary: `Took a label out of concept "${concept.name}"` };
  });
}

export function addConceptSegments(project: Project, id: string, segmentIds: string[]): Concept {
  const concept = getConcept(project.db, id);
  const ids = checkedIds(segmentIds, existingSegments(project.db, segmentIds), 'segment');
  return project.write('concepts/addSegments', () => {
    let position = nextPosition(project.db, 'concept_segments', id);
    for (const segmentId of ids) insertConceptSegment(project.db, { id: newId(), conceptId: id, segmentId, position: position++ });
    return { result: getConcept(project.db, id), summary: `Added ${ids.length} segment(s) to concept "${concept.name}"` };
  });
}

export function removeConceptSegment(project: Project, id: string, segmentId: string): Concept {
  const concept = getConcept(project.db, id);
  if (!concept.segmentIds.includes(segmentId)) {
    throw new DuidingError(`That segment was not added to concept "${concept.name}" directly.`, 'input', { code: 'notMember', params: { concept: concept.name } });
  }
  return project.write('concepts/removeSegment', () => {
    deleteConceptSegment(project.db, id, segmentId);
    return { result: getConcept(project.db, id), summary: `Took a segment out of concept "${concept.name}"` };
  });
}

/** A concept's quotes by the participant who said them; the interviewer's only with `all`. */
export function conceptQuotes(db: Db, id: string, speakers: SpeakerScope = 'participants'): ConceptQuotes {
  const concept = getConcept(db, id);
  return { concept, groups: groupByParticipant(quotesOf(db, countedSegments(db, segmentsOfRow(db, 'concepts', id), speakers))) };
}

/**
 * Before a label is deleted: its sub-labels (which move up to its parent) take its place in the
 * concepts it served, so those concepts keep the evidence below it; its own membership then goes
 * with the label (cascade).
 */
export function handOverLabelMemberships(db: Db, labelId: string): void {
  const children = childLabelIds(db, labelId);
  if (children.length === 0) return;
  for (const conceptId of conceptsOfLabel(db, labelId)) addLabelsTo(db, conceptId, children);
}

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ArgsOf, HandlerName, ResultOf } from '../../src/shared/api/contract.ts';
import { dispatch } from '../../src/main/core/handlers.ts';
import type { Project } from '../../src/main/core/project.ts';
import type { Session } from '../../src/main/core/session.ts';
import { newSession, snapshot } from '../support/temp.ts';

/** Calls a handler as every transport does: arguments validated against the contract. */
export function caller(session: Session) {
  return <K extends HandlerName>(name: K, args: ArgsOf<K>) => dispatch(session, name, args) as Promise<ResultOf<K>>;
}

/**
 * A small study built by hand, so that the matrix can be counted on paper:
 *
 *   doc A (participant Katrien, ASO):  s1 = "planning" [L1, L1a]   s2 = "zorg" [L1a-i]   s3 = "team" [L2]
 *   doc B (participant Bart, TSO):     s4 = "overleg" [L1a by two coders]
 *   doc B2 (participant Bart, TSO):    s5 = "beleid" [L2]
 *   doc C (no participant):            s6 = "visie" [L1]
 *
 * The label tree: L1 > L1a > L1a-i; L2 on its own.
 */
export async function smallStudy() {
  const { session, project, dir } = newSession('hanne');
  const call = caller(session);
  const texts = {
    A: 'Interviewer: Wat doe je?\nKatrien: Ik doe de planning. Daarna de zorg. En het team.\n',
    B: 'Interviewer: En jij?\nBart: Veel overleg met collega’s.\n',
    B2: 'Interviewer: Nog iets?\nBart: Het beleid van de school.\n',
    C: 'Interviewer: Tot slot?\nAnoniem: Een visie op leren.\n',
  };
  const owners: Record<keyof typeof texts, string | undefined> = { A: 'Katrien', B: 'Bart', B2: 'Bart', C: undefined };
  const documents: Record<string, { id: string; text: string }> = {};
  for (const [name, text] of Object.entries(texts) as Array<[keyof typeof texts, string]>) {
    const path = join(dir, `doc-${name}.txt`);
    writeFileSync(path, text);
    await call('documents/import', { files: [{ path }], ...(owners[name] ? { participant: owners[name] } : {}) });
  }
  for (const doc of await call('documents/list', {})) {
    const detail = await call('documents/get', { id: doc.id });
    documents[doc.name.replace('doc-', '')] = { id: doc.id, text: detail.text };
  }
  const { participants } = await call('participants/list', {});
  const katrien = participants.find((p) => p.name === 'Katrien')!;
  const bart = participants.find((p) => p.name === 'Bart')!;
  await call('participants/update', { id: katrien.id, attributes: { schooltype: 'ASO', ervaring: 12 } });
  await call('participants/update', { id: bart.id, attributes: { schooltype: 'TSO', ervaring: 9 } });

  const L1 = await call('labels/create', { name: 'L1' });
  const L1a = await call('labels/create', { name: 'L1a', parentId: L1.id });
  const L1ai = await call('labels/create', { name: 'L1a-i', parentId: L1a.id });
  const L2 = await call('labels/create', { name: 'L2' });
  const code = async (doc: string, word: string, labelId: string) => {
    const { id, text } = documents[doc]!;
    const start = text.indexOf(word);
    if (start < 0) throw new Error(`no "${word}" in ${doc}`);
    return (await call('codings/apply', { documentId: id, start, end: start + word.length, labelId })).segment.id;
  };
  const s1 = await code('A', 'planning', L1.id);
  await code('A', 'planning', L1a.id);
  const s2 = await code('A', 'zorg', L1ai.id);
  const s3 = await code('A', 'team', L2.id);
  const s4 = await code('B', 'overleg', L1a.id);
  session.setCoder('sofie');
  await code('B', 'overleg', L1a.id);
  session.setCoder('hanne');
  const s5 = await code('B2', 'beleid', L2.id);
  const s6 = await code('C', 'visie', L1.id);
  return {
    session,
    project,
    call,
    documents: { A: documents.A!.id, B: documents.B!.id, B2: documents.B2!.id, C: documents.C!.id },
    participants: { katrien: katrien.id, bart: bart.id },
    labels: { L1: L1.id, L1a: L1a.id, L1ai: L1ai.id, L2: L2.id },
    segments: { s1, s2, s3, s4, s5, s6 },
  };
}

/** Every row of the project's own tables, ordered by id (rowids may differ after undo; the log grows). */
export function rows(project: Project): Record<string, unknown[]> {
  const all = snapshot(project);
  delete all.change_log;
  delete all.change_rows;
  const byId = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b));
  return Object.fromEntries(Object.entries(all).map(([table, list]) => [table, [...list].sort(byId)]));
}

/**
 * Runs one action and checks that it is exactly one undo step: undo brings back every row as it
 * was, redo every row as the action left it.
 */
export async function checkUndoRedo<T>(project: Project, action: () => Promise<T> | T): Promise<T> {
  const before = rows(project);
  const result = await action();
  const after = rows(project);
  expect(after).not.toEqual(before);
  project.undo();
  expect(rows(project)).toEqual(before);
  project.redo();
  expect(rows(project)).toEqual(after);
  return result;
}

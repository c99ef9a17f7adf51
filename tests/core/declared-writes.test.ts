/**
 * Every handler declares its kind, and the core holds it to it: the handler map is checked when it is
 * built, and a call that writes against its declaration fails before anything is stored.
 */
import { describe, expect, it } from 'vitest';
import { DECLARATIONS } from '../../src/shared/api/declarations.ts';
import { HANDLER_NAMES } from '../../src/shared/api/names.ts';
import { buildHandlerMap, call, handlers } from '../../src/main/core/handlers.ts';
import { newSession } from '../support/temp.ts';

const labelCount = (project: ReturnType<typeof newSession>['project']) => project.db.prepare('SELECT COUNT(*) FROM labels').pluck().get();
const insertLabel = (project: ReturnType<typeof newSession>['project']) =>
  project.write('labels/create', () => {
    project.db.prepare("INSERT INTO labels (id, name, position, colour, origin, created_by, created_at) VALUES ('x', 'x', 0, '#000000', 'emergent', 't', 'now')").run();
    return { result: null, summary: 'x' };
  });

describe('declared writes', () => {
  it('every handler of the contract has a declaration of a known kind', () => {
    expect(HANDLER_NAMES.filter((name) => !['read', 'undoable', 'baseline', 'purging', 'session', 'history'].includes(DECLARATIONS[name]?.kind))).toEqual([]);
  });

  it('building a handler map with a handler missing, or one the contract does not know, fails', () => {
    const { 'labels/list': _dropped, ...missing } = handlers;
    expect(() => buildHandlerMap(missing as typeof handlers)).toThrow(/labels\/list is in the contract but not registered/);
    expect(() => buildHandlerMap({ ...handlers, 'labels/sneak': () => null } as typeof handlers)).toThrow(/labels\/sneak is registered but not in the contract/);
  });

  it('a read, a session action or undo that writes is refused and stores nothing', async () => {
    const { project } = newSession();
    for (const kind of ['read', 'session', 'history'] as const) {
      await expect(project.run('labels/list', kind, [], () => insertLabel(project))).rejects.toThrow(/declared as a/);
      expect(labelCount(project)).toBe(0);
    }
  });

  it('a write of another kind than its call is refused', async () => {
    const { project } = newSession();
    await expect(
      project.run('labels/create', 'undoable', [], () => project.write('x', () => ({ result: null, summary: 'x' }), { kind: 'baseline' })),
    ).rejects.toThrow(/declared undoable but wrote as baseline/);
  });

  it('all the writes of one call are one undo step and one notice naming every table they changed', async () => {
    const { session, project } = newSession();
    const notices: string[][] = [];
    project.events.on('change', (n) => notices.push(n.tables));
    const { change } = await project.run('codebook/applyTemplate', 'undoable', [], () => {
      insertLabel(project);
      project.write('memos/save', () => {
        project.db.prepare("INSERT INTO memos (id, target_kind, target_id, title, body_rich, body_text, created_by, created_at, updated_by, updated_at) VALUES ('m', 'label', 'x', '', '{}', 'memo', 't', 'now', 't', 'now')").run();
        return { result: null, summary: 'memo' };
      });
    });
    expect(change?.tables).toEqual(['change_log', 'labels', 'memos']);
    expect(notices).toEqual([['change_log', 'labels', 'memos']]);
    await call(session, 'history/undo', {});
    expect(labelCount(project)).toBe(0);
    expect(project.db.prepare('SELECT COUNT(*) FROM memos').pluck().get()).toBe(0);
    expect(project.history).toEqual({ canUndo: false, canRedo: true });
  });

  it('the reply of a write carries its notice; a read carries none', async () => {
    const { session } = newSession();
    const created = await call(session, 'labels/create', { name: 'zorg' });
    expect(created.change).toMatchObject({ action: 'labels/create', kind: 'undoable', tables: ['change_log', 'labels'] });
    expect((await call(session, 'labels/list', {})).change).toBeNull();
    const undone = await call(session, 'history/undo', {});
    expect(undone.change).toMatchObject({ action: 'history/undo', kind: 'undo', tables: ['change_log', 'labels'] });
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, dispatch } from '../../src/main/core/handlers.ts';
import { taskEvents } from '../../src/main/core/tasks.ts';
import type { TaskProgress } from '../../src/shared/api/changes.ts';
import { newSession, snapshot } from '../support/temp.ts';

/** A batch of transcripts, each big enough that the batch takes a while. */
function batch(dir: string, files: number, turns = 400): string[] {
  return Array.from({ length: files }, (_, f) => {
    const path = join(dir, `interview-${String(f + 1).padStart(2, '0')}.txt`);
    const body = Array.from({ length: turns }, (_, t) => `${t % 2 ? 'Interviewer' : `Deelnemer ${f}`}: over de begeleiding op school en het overleg met ouders, keer ${t} van bestand ${f}.`).join('\n\n');
    writeFileSync(path, body);
    return path;
  });
}

/** Collects the progress notices of one task, and runs `when` at the first whose `done` reaches `at`. */
function watch(task: string, at: number, when: () => void): { notices: TaskProgress[]; stop(): void } {
  const notices: TaskProgress[] = [];
  let fired = false;
  const listener = (progress: TaskProgress) => {
    if (progress.task !== task) return;
    notices.push(progress);
    if (!fired && progress.done >= at) {
      fired = true;
      when();
    }
  };
  taskEvents.on('progress', listener);
  return { notices, stop: () => taskEvents.off('progress', listener) };
}

describe('long calls: progress, cancel, and other callers answered meanwhile', () => {
  it('a cancelled batch import leaves every table exactly as before', async () => {
    const { session, project, dir } = newSession();
    await dispatch(session, 'labels/create', { name: 'begeleiding' });
    await dispatch(session, 'documents/import', { files: [{ path: batch(join(dir), 1, 10)[0]! }] });
    const before = snapshot(project);
    const files = batch(dir, 12);
    let cancelAnswer: unknown;
    const watched = watch('import-1', 5, () => void dispatch(session, 'tasks/cancel', { task: 'import-1' }).then((a) => (cancelAnswer = a)));
    const importing = call(session, 'documents/import', { files: files.map((path) => ({ path })) }, { task: 'import-1' });
    await expect(importing).rejects.toMatchObject({ name: 'DuidingError', kind: 'cancelled', message: expect.stringMatching(/^Cancelled: documents\/import stopped and nothing of it was written\.$/) });
    watched.stop();
    expect(cancelAnswer).toEqual({ cancelled: true });
    // At least five files were in (in the open transaction) when it was cancelled, not all: none of them stayed.
    const done = watched.notices.map((n) => n.done);
    expect(done.at(-1)).toBeGreaterThanOrEqual(5);
    expect(done.at(-1)).toBeLessThan(12);
    expect(snapshot(project)).toEqual(before);
    // And the project takes writes again, the next import included.
    expect(await dispatch(session, 'documents/import', { files: files.slice(0, 2).map((path) => ({ path })) })).toMatchObject({ imported: 2 });
    expect(await dispatch(session, 'tasks/cancel', { task: 'import-1' })).toEqual({ cancelled: false });
  });

  it('reports progress file by file, and the whole batch is one write', async () => {
    const { session, dir } = newSession();
    const files = batch(dir, 4, 20);
    const watched = watch('import-2', Infinity, () => undefined);
    const { result, change } = await call(session, 'documents/import', { files: files.map((path) => ({ path })) }, { task: 'import-2' });
    watched.stop();
    expect(result).toMatchObject({ imported: 4 });
    expect(watched.notices.at(-1)).toEqual({ task: 'import-2', action: 'documents/import', done: 4, total: 4, item: '' });
    expect(watched.notices[0]).toMatchObject({ done: 0, total: 4, item: 'interview-01.txt' });
    expect(change).toMatchObject({ action: 'documents/import', kind: 'baseline' });
  });

  it('answers reads during a long import from the project as last committed, and lets writes wait for it', async () => {
    const { session, dir } = newSession();
    await dispatch(session, 'documents/import', { files: [{ path: batch(join(dir), 1, 10)[0]! }] });
    const files = batch(dir, 10);
    const seen: Array<{ documents: number; done: boolean }> = [];
    let finished = false;
    let written: Promise<unknown> | null = null;
    const watched = watch('import-3', 3, () => {
      // Asked while the import is half-way: answered before it ends, without its uncommitted rows.
      void dispatch(session, 'documents/list', {}).then((list) => seen.push({ documents: (list as unknown[]).length, done: finished }));
      written = dispatch(session, 'labels/create', { name: 'tijdens' }).then((label) => ({ label, done: finished }));
    });
    await call(session, 'documents/import', { files: files.map((path) => ({ path })) }, { task: 'import-3' });
    finished = true;
    watched.stop();
    expect(seen).toEqual([{ documents: 1, done: false }]);
    // The write waited for the import's transaction, then went through.
    expect(await written).toMatchObject({ label: { name: 'tijdens' }, done: true });
    expect(await dispatch(session, 'documents/list', {})).toHaveLength(11);
  });

  it('a cancelled auto-code leaves the project as before; a finished one is one undo step', async () => {
    const { session, project, dir } = newSession();
    await dispatch(session, 'documents/import', { files: batch(dir, 30, 10).map((path) => ({ path })) });
    const before = snapshot(project);
    const query = { regex: 'begeleiding' };
    // Cancelled at once: it was asked before the run reached its first checkpoint.
    const running = call(session, 'codings/autocode', { labelName: 'begeleiding', query, scope: 'match', speakers: 'all' }, { task: 'auto-1' });
    expect(await dispatch(session, 'tasks/cancel', { task: 'auto-1' })).toEqual({ cancelled: true });
    await expect(running).rejects.toMatchObject({ kind: 'cancelled' });
    expect(snapshot(project)).toEqual(before);
    const done = await dispatch(session, 'codings/autocode', { labelName: 'begeleiding', query, scope: 'match', speakers: 'all' });
    expect(done).toMatchObject({ coded: 300, documents: 30 });
    await dispatch(session, 'history/undo', {});
    expect(snapshot(project).codings).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { TableName } from '../../src/shared/api/changes.ts';
import { readsOf } from '../../src/shared/api/declarations.ts';
import type { HandlerName } from '../../src/shared/api/names.ts';
import { QueryCache, shareEqual, stableKey } from '../../src/renderer/data/cache.ts';
import { createNotices } from '../../src/renderer/data/notices.ts';

/**
 * The page's query cache over a stand-in transport that counts what it is asked and answers when
 * told: the tables come from the real declarations of the contract.
 */
function harness() {
  const asked: string[] = [];
  const waiting: Array<{ name: string; args: unknown; answer(value: unknown): void; fail(error: Error): void }> = [];
  let serial = 0;
  const cache = new QueryCache(
    (name, args) =>
      new Promise((answer, fail) => {
        asked.push(name);
        waiting.push({ name, args, answer, fail });
      }),
    (name) => readsOf(name as HandlerName),
  );
  /** Answers every request under way, each with its name and a serial number. */
  const answerAll = async () => {
    while (waiting.length > 0) {
      for (const request of waiting.splice(0)) request.answer({ name: request.name, args: request.args, serial: ++serial });
      await new Promise((done) => setTimeout(done, 0));
    }
  };
  return { cache, asked, waiting, answerAll };
}

const tick = () => new Promise((done) => setTimeout(done, 0));

describe('the data layer', () => {
  it('keys a read by handler and arguments, whatever the order of their keys', () => {
    expect(stableKey('segments/list', { documentId: 'a' })).toBe(stableKey('segments/list', { documentId: 'a' }));
    expect(stableKey('matrix/get', { rows: 'concepts', by: 'participant' })).toBe(stableKey('matrix/get', { by: 'participant', rows: 'concepts' }));
    expect(stableKey('segments/list', { documentId: 'a' })).not.toBe(stableKey('segments/list', { documentId: 'b' }));
  });

  it('asks once for concurrent identical reads, and not again while the answer is fresh', async () => {
    const { cache, asked, answerAll } = harness();
    const views = [cache.mount('labels/list', {}, () => undefined), cache.mount('labels/list', {}, () => undefined)];
    const direct = cache.read('labels/list', {});
    expect(asked).toEqual(['labels/list']);
    await answerAll();
    expect(await direct).toMatchObject({ name: 'labels/list', serial: 1 });
    await cache.read('labels/list', {});
    cache.mount('labels/list', {}, () => undefined);
    expect(asked).toEqual(['labels/list']);
    for (const unmount of views) unmount();
  });

  it('fetches again only the mounted reads whose declared tables a write changed', async () => {
    const { cache, asked, answerAll } = harness();
    cache.mount('labels/list', {}, () => undefined);
    cache.mount('memos/list', {}, () => undefined);
    cache.mount('segments/list', { documentId: 'd1' }, () => undefined);
    cache.mount('rounds/status', {}, () => undefined);
    await answerAll();
    asked.length = 0;

    // A memo changes memos only: the segments, labels and round status stay.
    await Promise.all([cache.invalidate(['memos', 'change_log']), answerAll()]);
    expect(asked).toEqual(['memos/list']);
    asked.length = 0;

    // A coding: every read of segments or codings, and nothing else.
    void cache.invalidate(['segments', 'codings', 'change_log']);
    await answerAll();
    expect(asked.sort()).toEqual(['labels/list', 'rounds/status', 'segments/list']);
    asked.length = 0;

    // A notice without tables (a host that names none): everything shown.
    void cache.invalidate(null);
    await answerAll();
    expect(asked.sort()).toEqual(['labels/list', 'memos/list', 'rounds/status', 'segments/list']);
  });

  it('marks an unmounted read stale and fetches it when a view shows it again', async () => {
    const { cache, asked, answerAll } = harness();
    const unmount = cache.mount('concepts/list', {}, () => undefined);
    await answerAll();
    unmount();
    asked.length = 0;
    void cache.invalidate(['concept_labels']);
    await answerAll();
    expect(asked).toEqual([]);
    // The old answer shows at once while the new one comes.
    expect(cache.snapshot('concepts/list', {}).data).toMatchObject({ serial: 1 });
    cache.mount('concepts/list', {}, () => undefined);
    expect(asked).toEqual(['concepts/list']);
    await answerAll();
    expect(cache.snapshot('concepts/list', {}).data).toMatchObject({ serial: 2 });
  });

  it('fetches once more when a write lands while a read is under way', async () => {
    const { cache, asked, answerAll, waiting } = harness();
    cache.mount('labels/list', {}, () => undefined);
    expect(waiting).toHaveLength(1);
    void cache.invalidate(['labels']);
    expect(asked).toEqual(['labels/list']);
    await answerAll();
    // The first answer may predate the write: a second fetch followed it.
    expect(asked).toEqual(['labels/list', 'labels/list']);
    expect(cache.snapshot('labels/list', {})).toMatchObject({ loading: false, data: { serial: 2 } });
  });

  it('takes the new state from a reply without a fetch, and spares the seeded read from the write\'s invalidation', async () => {
    const { cache, asked, answerAll } = harness();
    let renders = 0;
    cache.mount('segments/list', { documentId: 'd1' }, () => renders++);
    cache.mount('rounds/status', {}, () => undefined);
    await answerAll();
    asked.length = 0;
    const before = renders;
    const key = cache.seed<{ segments: string[] }>('segments/list', { documentId: 'd1' }, () => ({ segments: ['s1'] }));
    expect(renders).toBe(before + 1);
    expect(cache.peek('segments/list', { documentId: 'd1' })).toEqual({ segments: ['s1'] });
    void cache.invalidate(['segments', 'codings', 'labels', 'change_log'], new Set([key!]));
    await answerAll();
    expect(asked).toEqual(['rounds/status']);
    expect(cache.peek('segments/list', { documentId: 'd1' })).toEqual({ segments: ['s1'] });
    // A seed that declines (no list held) sets nothing.
    expect(cache.seed('segments/list', { documentId: 'other' }, (held) => held)).toBeNull();
  });

  it("a read sent after a write's reply came is not fetched again for that write; one sent before it is", async () => {
    const { cache, asked, answerAll } = harness();
    cache.mount('rounds/status', {}, () => undefined);
    await answerAll();
    asked.length = 0;
    // The reply of a write that created a concept: the concept's page opens and asks for its quotes.
    const replied = cache.mark();
    cache.mount('concepts/quotes', { conceptId: 'c1' }, () => undefined);
    void cache.invalidate(['concepts', 'concept_labels', 'change_log'], new Set(), replied);
    await answerAll();
    // The quotes were asked once (they already see the write), the round status once more.
    expect(asked.sort()).toEqual(['concepts/quotes', 'rounds/status']);
  });

  it('refuses to cache a write', () => {
    const { cache } = harness();
    expect(() => cache.mount('codings/apply', {}, () => undefined)).toThrow(/not a read/);
  });

  it('forgets another project\'s answers on reset, an answer under way included', async () => {
    const { cache, asked, waiting, answerAll } = harness();
    cache.mount('labels/list', {}, () => undefined);
    const late = waiting.shift()!;
    cache.reset();
    late.answer({ project: 'old' });
    await tick();
    expect(cache.peek('labels/list', {})).toBeUndefined();
    await answerAll();
    expect(asked).toEqual(['labels/list', 'labels/list']);
    expect(cache.peek('labels/list', {})).toMatchObject({ serial: 1 });
  });
});

describe('the notices of writes', () => {
  const notice = (id: number, tables: TableName[]) => ({ id, action: 'codings/apply', summary: '', kind: 'undoable' as const, tables });

  it('takes each notice once: the echo of a reply\'s notice fetches nothing, and an event waits for the page\'s own write', async () => {
    const { cache, asked, answerAll } = harness();
    const notices = createNotices(cache);
    cache.mount('rounds/status', {}, () => undefined);
    cache.mount('history/state', {}, () => undefined);
    await answerAll();
    asked.length = 0;

    notices.writing(1);
    // The event overtakes the reply: it waits.
    notices.event(notice(7, ['codings', 'segments', 'change_log']));
    expect(asked).toEqual([]);
    void notices.take(notice(7, ['codings', 'segments', 'change_log']), new Set());
    notices.writing(-1);
    await answerAll();
    // One fetch of the round status; the undo state follows from the notice without a fetch.
    expect(asked).toEqual(['rounds/status']);
    expect(cache.peek('history/state', {})).toEqual({ canUndo: true, canRedo: false, summary: null });

    asked.length = 0;
    notices.event(notice(7, ['codings', 'segments', 'change_log']));
    await answerAll();
    expect(asked).toEqual([]);
  });

  it('treats a write that names no tables as one that changed everything', async () => {
    const { cache, asked, answerAll } = harness();
    const notices = createNotices(cache);
    cache.mount('memos/list', {}, () => undefined);
    await answerAll();
    asked.length = 0;
    void notices.take(null, new Set());
    await answerAll();
    expect(asked).toEqual(['memos/list']);
    asked.length = 0;
    notices.event({ id: 9, action: 'labels/create', summary: '' });
    await answerAll();
    expect(asked).toEqual(['memos/list']);
  });

  it('keeps the objects a read fetched again answers unchanged, so that their views are not rendered again', async () => {
    const held = [{ id: 'a', name: 'één', counts: [1, 2] }, { id: 'b', name: 'twee', counts: [3] }];
    const again = [{ id: 'a', name: 'één', counts: [1, 2] }, { id: 'b', name: 'twee', counts: [4] }, { id: 'c', name: 'drie', counts: [] }];
    const shared = shareEqual(held, again);
    expect(shared).toEqual(again);
    expect(shared[0]).toBe(held[0]);
    expect(shared[1]).not.toBe(held[1]);
    expect(shared[1]!.counts).not.toBe(held[1]!.counts);
    expect(shareEqual(held, structuredClone(held))).toBe(held);
    expect('b' in shareEqual({ a: 1 }, { a: 1, b: undefined })).toBe(true);

    // Through the cache: an answer equal to what was held publishes the same data object.
    const { cache, waiting } = harness();
    cache.mount('labels/list', {}, () => undefined);
    waiting.splice(0)[0]!.answer([{ id: 'l1', segmentCount: 2 }]);
    await tick();
    const first = cache.snapshot('labels/list', {}).data;
    const refetch = cache.invalidate(['codings']);
    waiting.splice(0).forEach((r) => r.answer([{ id: 'l1', segmentCount: 2 }]));
    await refetch;
    await tick();
    expect(cache.snapshot('labels/list', {}).data).toBe(first);
  });
});

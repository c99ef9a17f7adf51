import { describe, expect, it } from 'vitest';
import { documentText, getDocument } from '../../../src/main/core/documents/store.ts';
import { columns, projectAt, seedDocument } from './support.ts';

describe('migration 0010: each text stored once', () => {
  it("keeps a version-9 transcript's text in its turns only, and a text that is not its turns joined in its own copy", () => {
    const { db, to, toLatest } = projectAt(9);
    const joined = seedDocument(db, 'd1', [
      { speaker: 'Interviewer', text: 'Welke ideeën? 🙂' },
      { speaker: 'Katrien', text: 'Zorg\nen school.' },
    ]);
    // A REFI-QDA source: paragraphs set apart by one newline and a trailing line, not by blank lines.
    const own = 'Eerste alinea 🎓\nTweede alinea.\n';
    seedDocument(db, 'd2', [{ speaker: null, text: 'Eerste alinea 🎓' }, { speaker: null, text: 'Tweede alinea.' }], { text: own });
    to(10);
    expect(columns(db, 'documents')).not.toContain('text');
    expect(db.prepare('SELECT id, own_text AS own FROM documents ORDER BY id').all()).toEqual([
      { id: 'd1', own: null },
      { id: 'd2', own },
    ]);
    toLatest();
    expect(documentText(db, 'd1')).toBe(joined);
    expect(documentText(db, 'd2')).toBe(own);
    const detail = getDocument(db, 'd1')!;
    expect(detail.text).toBe(joined);
    for (const turn of detail.turns) expect(detail.text.slice(turn.start, turn.end)).toBe(turn.text);
    expect(db.prepare("SELECT rowid FROM turns_fts WHERE turns_fts MATCH 'ideeen'").all()).toHaveLength(1);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTranscript, type RawTurn } from '../../src/main/core/documents/importers/index.ts';
import { EXTERNAL } from '../support/temp.ts';

/** Real transcripts made by other people and tools; every expected value below was read off the file by eye. */
async function parse(file: string): Promise<RawTurn[]> {
  return (await parseTranscript(file, readFileSync(join(EXTERNAL, 'transcripts', file)))).turns;
}

function speakersOf(turns: RawTurn[]): string[] {
  return [...new Set(turns.flatMap((t) => (t.speaker ? [t.speaker] : [])))];
}

describe('qc-demo-admin-1.txt (hard-wrapped interview, aligned labels, inline timestamps)', () => {
  it('finds the three speakers and 59 turns', async () => {
    const turns = await parse('qc-demo-admin-1.txt');
    expect(speakersOf(turns)).toEqual(['Automation', 'Max Bigman', 'admin-1']);
    expect(turns).toHaveLength(59);
  });

  it('joins hard-wrapped lines and merges consecutive blocks of one speaker', async () => {
    const turns = await parse('qc-demo-admin-1.txt');
    expect(turns[0]).toEqual({ speaker: 'Automation', text: 'This call is now being recorded.', startMs: null, endMs: null });
    expect(turns[1]!.speaker).toBe('Max Bigman');
    expect(turns[1]!.text).toMatch(/^And I keep forgetting to send out these IRB official consent forms, but can I get/);
    const admin = turns[4]!;
    expect(admin.speaker).toBe('admin-1');
    expect(admin.text).toContain('for the [Pallis 00:00:52] Unified School District.');
    expect(admin.text.split('\n')).toHaveLength(1);
    const twoBlocks = turns[6]!;
    expect(twoBlocks.speaker).toBe('admin-1');
    expect(twoBlocks.text).toMatch(/^Not at all, nothing formal\./);
    expect(twoBlocks.text).toMatch(/\nBut again, my background is not in computer science/);
    expect(twoBlocks.text).toMatch(/my children would be directly affected by this work\.$/);
    expect(turns[58]).toMatchObject({ speaker: 'admin-1', text: 'Uh-huh (affirmative). Bye.' });
  });
});

describe('qc-demo-board_2017.txt (meeting, 41 speakers)', () => {
  it('finds every speaker, also those who speak once', async () => {
    const turns = await parse('qc-demo-board_2017.txt');
    const speakers = speakersOf(turns);
    expect(speakers).toHaveLength(41);
    expect(speakers.slice(0, 10)).toEqual(['Speaker 1', 'Speaker 2', 'Alfeck', 'Committee 1', 'Committee 2', 'John', 'Malika', 'Jessica', 'Tom', 'Com 7']);
    expect(speakers).toContain('Mr. Dabor');
    expect(speakers).toContain('Ms. Ofek');
    expect(turns).toHaveLength(97);
    expect(turns[0]).toMatchObject({ speaker: 'Speaker 1', text: "Thank you. Let's move on to the preK-12 computer science curriculum." });
    expect(turns[5]).toMatchObject({ speaker: 'John' });
    expect(turns[5]!.text).toMatch(/^Hi, I'm John\. I'm a student at Gunn High School/);
    const last = turns[96]!;
    expect(last.speaker).toBe('Moderator');
    expect(last.text).toMatch(/Well done on the presentation \[inaudible 00:55:00\]\.\nSo colleagues, we might be-$/);
  });
});

describe('qualcoder-transcript.txt ([id] labels)', () => {
  it('reads seven turns of three speakers', async () => {
    const turns = await parse('qualcoder-transcript.txt');
    expect(turns.map((t) => t.speaker)).toEqual(['id1', 'id2', 'id3', 'id1', 'id3', 'id1', 'id2']);
    expect(turns[0]!.text).toMatch(/^hello, I like the course\. It really helped me/);
    expect(turns[4]!.text).toBe("yes, I am learning a lot as well. It's a good course overall");
    expect(turns[6]!.text).toBe('Hmm, I will ask the tutor for more help as I am really struggling.');
  });
});

describe('qualcoder-ID1.docx and qualcoder-ID2.odt (no speakers)', () => {
  it('keeps each paragraph of the .docx as a turn without speaker', async () => {
    const turns = await parse('qualcoder-ID1.docx');
    expect(turns).toHaveLength(3);
    expect(turns.every((t) => t.speaker === null && t.startMs === null)).toBe(true);
    expect(turns[0]!.text).toMatch(/^I really like learning new things\./);
    expect(turns[2]!.text).toMatch(/I'm happy to pay €200\.$/);
  });

  it('reads the .odt across its styled spans', async () => {
    const turns = await parse('qualcoder-ID2.odt');
    expect(turns).toHaveLength(3);
    expect(turns[0]!.text).toMatch(/^I have not studied much before, but my father Joe Bloggs really encouraged me/);
    expect(turns[1]!.text).toBe('I really want someone to sit down with me and explain the course material.');
    expect(turns[2]!.text).toBe('The course cost €200.00 and I do not want to waste my money.');
  });
});

/**
 * The name finder (issue 23): on the six fixtures imported without pseudonyms, measured against
 * the names of fixtures/pseudonyms.csv (recall at least 0.85, precision at least 0.6); whole phrases;
 * no roles, abbreviations, applied pseudonyms or dismissed names; accepting writes the researcher's
 * list outside the project, dismissing leaves only a salted hash inside it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/core/handlers.ts';
import { nameKey } from '../../src/main/core/pseudonymise/store.ts';
import { createPseudonymizer, parsePseudonymList } from '../../src/main/core/documents/pseudonyms.ts';
import { importFiles } from '../../src/main/core/documents/import.ts';
import { Session } from '../../src/main/core/session.ts';
import type { NameSuggestion } from '../../src/shared/pseudonymise.ts';
import { FIXTURES, newSession } from '../support/temp.ts';

const GOLD = parsePseudonymList('pseudonyms.csv', readFileSync(join(FIXTURES, 'pseudonyms.csv'), 'utf8'));

/** A copy of the fixtures imported without pseudonyms, shared by the tests that only read it. */
let fixtureProject = '';

afterAll(() => rmSync(dirname(fixtureProject), { recursive: true, force: true }));

beforeAll(async () => {
  // Shared by several tests: not in tempDir(), which is emptied after each test.
  const dir = mkdtempSync(join(tmpdir(), 'duiding-names-'));
  fixtureProject = join(dir, 'raw.duiding');
  const session = new Session('t');
  const project = session.create(fixtureProject, 'Raw');
  await importFiles(project, { files: [{ path: join(FIXTURES, 'participants.csv') }, { path: join(FIXTURES, 'transcripts') }] });
  session.close();
}, 60_000);

async function find(path: string): Promise<NameSuggestion[]> {
  const session = new Session('t');
  session.open(path, true);
  try {
    return ((await dispatch(session, 'names/find', {})) as { names: NameSuggestion[] }).names;
  } finally {
    session.close();
  }
}

/**
 * The gold names present in the texts: those the list's own matching (longest first, whole words)
 * replaces at least once in the turns or speakers — "Lemmens" counts only where it stands alone.
 */
function goldPresent(path: string): Set<string> {
  const session = new Session('t');
  const project = session.open(path, true);
  const pz = createPseudonymizer(GOLD);
  for (const t of project.db.prepare('SELECT text, speaker FROM turns').all() as Array<{ text: string; speaker: string | null }>) {
    pz.apply(t.text);
    if (t.speaker) pz.apply(t.speaker);
  }
  session.close();
  return new Set([...pz.counts()].filter(([, n]) => n > 0).map(([name]) => nameKey(name)));
}

describe('the name finder', () => {
  it(`finds the fixtures' names: recall ≥ 0.85 and precision ≥ 0.6 against pseudonyms.csv`, async () => {
    const names = await find(fixtureProject);
    const present = goldPresent(fixtureProject);
    const gold = new Set(GOLD.map((g) => nameKey(g.name)));
    const found = new Set(names.map((n) => nameKey(n.name)));
    const recall = [...present].filter((k) => found.has(k)).length / present.size;
    const precision = names.filter((n) => gold.has(nameKey(n.name))).length / names.length;
    console.log(`name finder on the fixtures: recall ${recall.toFixed(3)} (${present.size} names present), precision ${precision.toFixed(3)} (${names.length} suggestions); not in the list: ${names.filter((n) => !gold.has(nameKey(n.name))).map((n) => n.name).join(', ')}`);
    expect(recall).toBeGreaterThanOrEqual(0.85);
    expect(precision).toBeGreaterThanOrEqual(0.6);
  }, 60_000);

  it('suggests whole phrases with particles and hyphens, with counts and documents, and no roles or abbreviations', async () => {
    const names = await find(fixtureProject);
    const byName = new Map(names.map((n) => [n.name, n]));
    for (const phrase of ['Geert Van Damme', 'Sint-Victorcollege', 'Marleen Van den Broeck', 'Stedelijk Instituut Ter Leie']) expect(byName.has(phrase), phrase).toBe(true);
    expect(byName.get('Sint-Victorcollege')!.documents.length).toBeGreaterThanOrEqual(1);
    expect(byName.get('Sint-Victorcollege')!.count).toBeGreaterThanOrEqual(1);
    const all = names.map((n) => n.name);
    for (const not of ['Interviewer', 'CLB', 'ASO', 'TSO', 'CLB-medewerker']) expect(all).not.toContain(not);
  }, 60_000);

  it('leaves out applied pseudonyms and dismissed names; a dismissal is a salted hash, never the name', async () => {
    const { session, project, dir } = newSession();
    const text = join(dir, 'gesprek.txt');
    writeFileSync(text, 'Interviewer: Wie hielp?\nLies: Mevrouw Wellekens en meester Brouckaert, en ook Vercammen.\n');
    await dispatch(session, 'documents/import', { files: [{ path: text }] });
    const first = ((await dispatch(session, 'names/find', {})) as { names: NameSuggestion[] }).names.map((n) => n.name);
    expect(first).toEqual(expect.arrayContaining(['Wellekens', 'Brouckaert', 'Vercammen', 'Lies']));
    await dispatch(session, 'pseudonyms/apply', { entries: [{ name: 'Wellekens', pseudonym: 'Dubbeldam' }] });
    await dispatch(session, 'names/dismiss', { name: 'Vercammen' });
    const after = ((await dispatch(session, 'names/find', {})) as { names: NameSuggestion[] }).names.map((n) => n.name);
    expect(after).not.toContain('Dubbeldam');
    expect(after).not.toContain('Vercammen');
    expect(after).toContain('Brouckaert');
    // Dismissed twice is one dismissal.
    expect(await dispatch(session, 'names/dismiss', { name: 'VERCAMMEN' })).toEqual({ dismissed: false });
    const meta = JSON.stringify(project.db.prepare('SELECT key, value FROM project_meta').all());
    expect(meta).not.toMatch(/Vercammen/i);
    expect(meta).toMatch(/names_dismissed/);
  });

  it('accepting writes the name into the researcher’s CSV outside the project, which the apply then reads', async () => {
    const { session, project, dir } = newSession();
    const text = join(dir, 'gesprek.txt');
    writeFileSync(text, 'Interviewer: Wie hielp?\nLies: Meester Brouckaert.\n');
    await dispatch(session, 'documents/import', { files: [{ path: text }] });
    const list = join(dir, 'namen.csv');
    expect(await dispatch(session, 'names/accept', { name: 'Brouckaert', pseudonym: 'NN', out: list })).toMatchObject({ path: list, entries: 1 });
    expect(await dispatch(session, 'names/accept', { name: 'Lies', pseudonym: 'R1', out: list })).toMatchObject({ path: list, entries: 2 });
    expect(await dispatch(session, 'names/accept', { name: 'lies', pseudonym: 'R2', out: list })).toMatchObject({ path: list, entries: 2 });
    expect(readFileSync(list, 'utf8')).toBe('name,pseudonym\nBrouckaert,NN\nLies,R2\n');
    // A page sends the list's bytes and downloads the answer: no path on this machine.
    const uploaded = { name: 'namen.csv', base64: Buffer.from('naam;pseudoniem\nJef;J.\n').toString('base64') };
    expect(await dispatch(session, 'names/accept', { name: 'Mia', pseudonym: 'M.', list: uploaded })).toEqual({ csv: 'name,pseudonym\nJef,J.\nMia,M.\n', entries: 2, path: null });
    expect(project.db.prepare('SELECT COUNT(*) FROM change_log WHERE action = ?').pluck().get('names/accept')).toBe(0);
    await expect(dispatch(session, 'names/accept', { name: 'X', pseudonym: 'Y', out: join(dir, 'namen.txt') })).rejects.toThrow(/is a \.csv file/);
    await dispatch(session, 'pseudonyms/apply', { list: { path: list } });
    expect(project.db.prepare('SELECT text FROM turns WHERE position = 1').pluck().get()).toBe('Meester NN.');
    expect(existsSync(list)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { importQdpx } from '../../src/main/core/refi-qda/import-qdpx.ts';
import { getDocument, listDocuments } from '../../src/main/core/documents/store.ts';
import { listMemos } from '../../src/main/core/memos/store.ts';
import { listSegments } from '../../src/main/core/coding/store.ts';
import { newSession } from '../support/temp.ts';
import { zipFile } from './support.ts';

/**
 * Position units decided per source from what makes the selections fit: the same transcript (BOM,
 * \r\n, emoji, a decomposed accent) with positions written the ways real tools write them.
 */
const BODY = "Interviewer: Hoe gaat het? 😀\r\nKatrien: Goed, dank je. Ik ben blij 🎉 met de nieuwe cafe\u0301.\r\nInterviewer: En de collega's?\r\nKatrien: Die zijn top 👍, echt waar.\r\n";
const RAW = `\uFEFF${BODY}`;
const PHRASES = ['Goed, dank je.', 'blij 🎉 met de nieuwe cafe\u0301', 'Die zijn top 👍, echt waar.', "En de collega's?"];

type Way = { unit: 'codepoint' | 'utf16'; crlfAsOne: boolean; bomCounted: boolean };

/** Where a phrase sits when counted this way (an independent count over the raw file text). */
function positions(phrase: string, way: Way): [number, number] {
  const count = (s: string) => {
    let n = way.unit === 'codepoint' ? Array.from(s).length : s.length;
    if (way.crlfAsOne) n -= s.split('\r\n').length - 1;
    return n;
  };
  const at = BODY.indexOf(phrase);
  const start = count(BODY.slice(0, at)) + (way.bomCounted ? 1 : 0);
  return [start, start + count(phrase)];
}

function project(origin: string, way: Way, named: boolean, extra = ''): string {
  const selections = PHRASES.map((phrase, i) => {
    const [s, e] = positions(phrase, way);
    const guid = `0000000${i}-aaaa-4bbb-8ccc-dddddddddddd`;
    const name = named ? ` name="${phrase.slice(0, 12).replace(/'/g, '&apos;')}…"` : '';
    return `<PlainTextSelection guid="${guid}"${name} startPosition="${s}" endPosition="${e}" creatingUser="AAAAAAAA-1111-4222-8333-444444444444"><Coding guid="1000000${i}-aaaa-4bbb-8ccc-dddddddddddd" creatingUser="{AAAAAAAA-1111-4222-8333-444444444444}"><CodeRef targetGUID="{C0DE0000-0000-4000-8000-000000000001}"/></Coding></PlainTextSelection>`;
  }).join('');
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:0:10" name="Units" origin="${origin}">
  <Users><User guid="aaaaaaaa-1111-4222-8333-444444444444" name="Sofie"/></Users>
  <CodeBook><Codes><Code guid="c0de0000-0000-4000-8000-000000000001" name="gevoel" isCodable="true" color="#0a0"/></Codes></CodeBook>
  <Sources><TextSource guid="5a5a5a5a-0000-4000-8000-000000000001" name="Katrien" plainTextPath="internal://5A5A5A5A-0000-4000-8000-000000000001.txt">${selections}${extra}</TextSource></Sources>
</Project>`;
  return zipFile('units.qdpx', { 'Project.qde': qde, 'Sources/5a5a5a5a-0000-4000-8000-000000000001.TXT': RAW });
}

async function imported(path: string) {
  const { project: p } = newSession();
  const report = await importQdpx(p, { path });
  const doc = getDocument(p.db, listDocuments(p.db)[0]!.id)!;
  return { report, doc, texts: listSegments(p.db, doc.id).map((s) => s.text), project: p };
}

const EXPECTED = ['Goed, dank je.', 'blij 🎉 met de nieuwe café', 'Die zijn top 👍, echt waar.', "En de collega's?"].sort();

describe('position units per source', () => {
  it('the document holds canonical text: no BOM, \\n line ends, NFC', async () => {
    const { doc } = await imported(project('ATLAS.ti 9', { unit: 'codepoint', crlfAsOne: true, bomCounted: false }, true));
    expect(doc.text.startsWith('Interviewer: Hoe gaat het? 😀\nKatrien:')).toBe(true);
    expect(doc.text).not.toMatch(/\r|\uFEFF/);
    expect(doc.text).toContain('café.');
    expect(doc.text).toBe(doc.text.normalize('NFC'));
  });

  it('ATLAS.ti-style (code points, \\r\\n as one) is read from the selection names', async () => {
    const { report, texts } = await imported(project('ATLAS.ti 9', { unit: 'codepoint', crlfAsOne: true, bomCounted: false }, true));
    expect(report.sources[0]!.unit).toMatchObject({ unit: 'codepoint', crlf: 1, bom: false });
    expect(report.sources[0]!.unit!.evidence).toMatch(/selection names match/);
    expect([...texts].sort()).toEqual(EXPECTED);
    expect(report.adapted.some((a) => a.includes('\\r\\n as one'))).toBe(true);
    expect(report.adapted).toContain('The file uses the older namespace urn:QDA-XML:project:0:10; it was read as REFI-QDA 1.0.');
  });

  it('UTF-16 units, \\r\\n as two and a counted BOM, from a tool that names nothing: word edges decide', async () => {
    const { report, texts } = await imported(project('Some tool', { unit: 'utf16', crlfAsOne: false, bomCounted: true }, false));
    expect(report.sources[0]!.unit).toMatchObject({ unit: 'utf16', crlf: 2, bom: true });
    expect([...texts].sort()).toEqual(EXPECTED);
  });

  it('the standard (code points, \\r\\n as two), without names', async () => {
    const { report, texts } = await imported(project('QualCoder', { unit: 'codepoint', crlfAsOne: false, bomCounted: false }, false));
    expect(report.sources[0]!.unit).toMatchObject({ unit: 'codepoint', crlf: 2, bom: false });
    expect([...texts].sort()).toEqual(EXPECTED);
  });

  it('a selection beyond the text is kept in the report and in a project memo, with its code', async () => {
    const beyond =
      '<PlainTextSelection guid="eeeeeeee-aaaa-4bbb-8ccc-dddddddddddd" name="verloren" startPosition="500" endPosition="520"><Coding guid="ffffffff-aaaa-4bbb-8ccc-dddddddddddd"><CodeRef targetGUID="c0de0000-0000-4000-8000-000000000001"/></Coding></PlainTextSelection>';
    const { report, texts, project: p } = await imported(project('QualCoder', { unit: 'codepoint', crlfAsOne: false, bomCounted: false }, false, beyond));
    expect(texts).toHaveLength(4);
    expect(report.unplaced).toEqual([
      { source: 'Katrien', selectionGuid: 'eeeeeeee-aaaa-4bbb-8ccc-dddddddddddd', startPosition: 500, endPosition: 520, name: 'verloren', codes: ['gevoel'], reason: 'out-of-range' },
    ]);
    expect(report.counts.codingsUnplaced).toBe(1);
    const memo = listMemos(p.db, 't').find((m) => m.target.kind === 'project' && m.title.startsWith('Selections not placed'))!;
    expect(memo.bodyText).toContain('Katrien: positions 500–520 "verloren" [gevoel] (out-of-range)');
  });

  it('GUIDs in any case, with or without braces, match each other; coders come from the users', async () => {
    const { project: p, doc } = await imported(project('ATLAS.ti 9', { unit: 'codepoint', crlfAsOne: true, bomCounted: false }, true));
    const segments = listSegments(p.db, doc.id);
    expect(segments.flatMap((s) => s.codings.map((c) => c.coderName))).toEqual(['Sofie', 'Sofie', 'Sofie', 'Sofie']);
    expect(segments.every((s) => s.createdBy === 'Sofie')).toBe(true);
  });

  it('inline PlainTextContent, a case with typed variables, notes by NoteRef and by link, a whole-source coding', async () => {
    const qde = `<Project xmlns="urn:QDA-XML:project:1.0" name="Inline" origin="MAXQDA 24">
  <Users><User guid="{AAAAAAAA-1111-4222-8333-444444444444}" name="Mila"/></Users>
  <CodeBook><Codes><Code guid="c0de0000-0000-4000-8000-000000000001" name="Rust" isCodable="true"><NoteRef targetGUID="n0000000-0000-4000-8000-000000000002"/></Code></Codes></CodeBook>
  <Variables><Variable guid="v0000000-0000-4000-8000-000000000001" name="leeftijd" typeOfVariable="Integer"/><Variable guid="v0000000-0000-4000-8000-000000000002" name="voltijds" typeOfVariable="Boolean"/><Variable guid="v0000000-0000-4000-8000-000000000003" name="start" typeOfVariable="Date"/></Variables>
  <Cases><Case guid="ca000000-0000-4000-8000-000000000001" name="Mila"><VariableValue><VariableRef targetGUID="v0000000-0000-4000-8000-000000000001"/><IntegerValue>41</IntegerValue></VariableValue><VariableValue><VariableRef targetGUID="v0000000-0000-4000-8000-000000000002"/><BooleanValue>true</BooleanValue></VariableValue><VariableValue><VariableRef targetGUID="v0000000-0000-4000-8000-000000000003"/><DateValue>2024-01-31</DateValue></VariableValue><SourceRef targetGUID="5a000000-0000-4000-8000-000000000001"/></Case></Cases>
  <Sources><TextSource guid="5a000000-0000-4000-8000-000000000001" name="Gesprek Mila"><PlainTextContent>Het is hier rustig 😌.
En dat wil ik zo houden.</PlainTextContent><PlainTextSelection guid="5e000000-0000-4000-8000-000000000001" startPosition="0" endPosition="18" creatingUser="aaaaaaaa-1111-4222-8333-444444444444"><Coding guid="c0000000-0000-4000-8000-000000000001"><CodeRef targetGUID="c0de0000-0000-4000-8000-000000000001"/></Coding><NoteRef targetGUID="n0000000-0000-4000-8000-000000000001"/></PlainTextSelection><Coding guid="c0000000-0000-4000-8000-000000000002" creatingUser="aaaaaaaa-1111-4222-8333-444444444444"><CodeRef targetGUID="c0de0000-0000-4000-8000-000000000001"/></Coding></TextSource></Sources>
  <Notes><Note guid="n0000000-0000-4000-8000-000000000001" name="Over rust"><PlainTextContent>Let op de emoji.</PlainTextContent></Note><Note guid="n0000000-0000-4000-8000-000000000002" name="Code-notitie"><PlainTextContent>Rust als waarde.</PlainTextContent></Note><Note guid="n0000000-0000-4000-8000-000000000003" name="Over Mila"><PlainTextContent>Teamleider.</PlainTextContent></Note></Notes>
  <Links><Link guid="l0000000-0000-4000-8000-000000000001" originGUID="n0000000-0000-4000-8000-000000000003" targetGUID="ca000000-0000-4000-8000-000000000001"/></Links>
</Project>`;
    const { project: p } = newSession();
    const report = await importQdpx(p, { path: zipFile('inline.qdpx', { 'project.qde': qde }) });
    const doc = getDocument(p.db, listDocuments(p.db)[0]!.id)!;
    expect(doc).toMatchObject({ name: 'Gesprek Mila', text: 'Het is hier rustig 😌.\nEn dat wil ik zo houden.', participantName: 'Mila' });
    expect(listSegments(p.db, doc.id).map((s) => [s.text, s.codings.map((c) => c.coderName)])).toEqual([
      ['Het is hier rustig', ['Mila']],
      ['Het is hier rustig 😌.\nEn dat wil ik zo houden.', ['Mila']],
    ]);
    const { listParticipants, listAttributes } = await import('../../src/main/core/participants/store.ts');
    expect(listParticipants(p.db)[0]!.attributes).toEqual({ leeftijd: 41, voltijds: true, start: '2024-01-31' });
    expect(listAttributes(p.db).map((a) => [a.name, a.type])).toEqual([['leeftijd', 'number'], ['voltijds', 'boolean'], ['start', 'date']]);
    const memos = listMemos(p.db, 't').map((m) => [m.target.kind, m.title, m.bodyText]).sort();
    expect(memos).toEqual([
      ['label', 'Code-notitie', 'Rust als waarde.'],
      ['participant', 'Over Mila', 'Teamleider.'],
      ['segment', 'Over rust', 'Let op de emoji.'],
    ]);
    expect(report.counts).toMatchObject({ cases: 1, participants: 1, variables: 3, attributes: 3, notes: 3, memos: 3 });
  });
});

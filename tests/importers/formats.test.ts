import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../src/main/core/documents/importers/index.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const parse = async (name: string, text: string | Uint8Array) =>
  (await parseTranscript(name, typeof text === 'string' ? utf8(text) : text)).turns;
const shape = (turns: Awaited<ReturnType<typeof parse>>) => turns.map((t) => [t.speaker, t.text]);

describe('speaker turns in text', () => {
  it('reads "Naam: …" in any case and merges a repeated label', async () => {
    const turns = await parse('a.txt', 'Katrien: Goeiemiddag.\nINTERVIEWER: Dag Katrien.\nkatrien: Zullen we beginnen?\n\nKatrien: Ja.\n');
    expect(shape(turns)).toEqual([
      ['Katrien', 'Goeiemiddag.'],
      ['INTERVIEWER', 'Dag Katrien.'],
      ['katrien', 'Zullen we beginnen?\nJa.'],
    ]);
  });

  it('reads I: / R: and numbered interviewers', async () => {
    expect(shape(await parse('a.txt', 'I: Hoe lang werk je hier al?\nR: Twaalf jaar.\n'))).toEqual([
      ['I', 'Hoe lang werk je hier al?'],
      ['R', 'Twaalf jaar.'],
    ]);
    expect(shape(await parse('a.txt', 'Interviewer 1: Welkom.\nInterviewer 2: Ook van mij.\nRespondent: Dank je.'))).toEqual([
      ['Interviewer 1', 'Welkom.'],
      ['Interviewer 2', 'Ook van mij.'],
      ['Respondent', 'Dank je.'],
    ]);
  });

  it('reads [Naam] … and [00:01:02] Naam: … with the time', async () => {
    expect(shape(await parse('a.txt', '[Sofie] Ik begin.\n[Hanne] Ga je gang.\n[Sofie] Goed.'))).toEqual([
      ['Sofie', 'Ik begin.'],
      ['Hanne', 'Ga je gang.'],
      ['Sofie', 'Goed.'],
    ]);
    const timed = await parse('a.txt', '[00:01:02] Hanne: Eerste vraag.\n[00:01:09] Bart: Antwoord, deel een\nen deel twee.\n[1:02:03] Hanne: Laatste.');
    expect(timed.map((t) => [t.speaker, t.startMs, t.text])).toEqual([
      ['Hanne', 62_000, 'Eerste vraag.'],
      ['Bart', 69_000, 'Antwoord, deel een en deel twee.'],
      ['Hanne', 3_723_000, 'Laatste.'],
    ]);
  });

  it('reads Otter: a speaker line with MM:SS or H:MM:SS, then the turn', async () => {
    const otter = 'Hanne Claeys  0:04\nDag Lotte, welkom.\n\nLotte De Smet  0:09\nDag Hanne.\nFijn dat ik er ben.\n\nHanne Claeys  1:00:02\nTot slot.\n';
    expect((await parse('a.txt', otter)).map((t) => [t.speaker, t.startMs, t.text])).toEqual([
      ['Hanne Claeys', 4_000, 'Dag Lotte, welkom.'],
      ['Lotte De Smet', 9_000, 'Dag Hanne. Fijn dat ik er ben.'],
      ['Hanne Claeys', 3_602_000, 'Tot slot.'],
    ]);
    const stacked = 'Speaker 1\n00:12\nEerste beurt.\n\nSpeaker 2\n00:20\nTweede beurt.\n\nSpeaker 1\n01:05\nDerde.';
    expect((await parse('a.txt', stacked)).map((t) => [t.speaker, t.startMs, t.text])).toEqual([
      ['Speaker 1', 12_000, 'Eerste beurt.'],
      ['Speaker 2', 20_000, 'Tweede beurt.'],
      ['Speaker 1', 65_000, 'Derde.'],
    ]);
  });

  it('joins hard-wrapped lines, keeps paragraphs, and an inline timestamp does not start a turn', async () => {
    const text = 'Max: We begonnen\nin 2019 met\n[onverstaanbaar 00:03:12] het project.\n\nDaarna kwam corona.\nJan: Oké.\nJan: En toen?';
    expect(shape(await parse('a.txt', text))).toEqual([
      ['Max', 'We begonnen in 2019 met [onverstaanbaar 00:03:12] het project.\nDaarna kwam corona.'],
      ['Jan', 'Oké.\nEn toen?'],
    ]);
  });

  it('does not take a one-off "Bijvoorbeeld:" or a sentence with a colon for a speaker', async () => {
    const text = 'Katrien: We doen veel.\nBijvoorbeeld: de klassenraad.\nInterviewer: En verder?\nKatrien: Wat ik bedoel is: overleg.';
    expect(shape(await parse('a.txt', text))).toEqual([
      ['Katrien', 'We doen veel. Bijvoorbeeld: de klassenraad.'],
      ['Interviewer', 'En verder?'],
      ['Katrien', 'Wat ik bedoel is: overleg.'],
    ]);
  });

  it('keeps text before the first label as a turn without speaker, and splits unlabelled text by paragraph', async () => {
    expect(shape(await parse('a.txt', 'Interview 3, maart\n\nI: Dag.\nR: Dag.'))).toEqual([
      [null, 'Interview 3, maart'],
      ['I', 'Dag.'],
      ['R', 'Dag.'],
    ]);
    expect(shape(await parse('a.txt', 'Eerste alinea\nloopt door.\n\nTweede alinea.'))).toEqual([
      [null, 'Eerste alinea loopt door.'],
      [null, 'Tweede alinea.'],
    ]);
  });

  it('reads Markdown with bold speaker names and headings', async () => {
    expect(shape(await parse('a.md', '# Interview 2\n\n**Hanne:** Welkom.\n\n**Sofie**: Dank je.\n'))).toEqual([
      [null, 'Interview 2'],
      ['Hanne', 'Welkom.'],
      ['Sofie', 'Dank je.'],
    ]);
  });
});

describe('text normalisation and encodings', () => {
  const dutch = 'Katrien: De ideeën van de coördinator — één keer per week.\nHanne: Oké.';
  const expected = [
    ['Katrien', 'De ideeën van de coördinator — één keer per week.'],
    ['Hanne', 'Oké.'],
  ];

  it('normalises to NFC with \\n line ends', async () => {
    const decomposed = dutch.normalize('NFD').replace(/\n/g, '\r\n');
    const turns = await parse('a.txt', decomposed);
    expect(shape(turns)).toEqual(expected);
    expect(turns[0]!.text).toBe(turns[0]!.text.normalize('NFC'));
  });

  it('detects UTF-8 with BOM, UTF-16 LE and BE with BOM, and UTF-16 LE without BOM', async () => {
    const le = Buffer.from(dutch, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const bytes of [
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(dutch)]),
      Buffer.concat([Buffer.from([0xff, 0xfe]), le]),
      Buffer.concat([Buffer.from([0xfe, 0xff]), be]),
      le,
    ]) {
      expect(shape(await parse('a.txt', bytes))).toEqual(expected);
    }
  });

  it('reads Windows-1252 ("ANSI") text, including its curly quotes and euro sign', async () => {
    // é ë ö in Latin-1 positions; 0x93/0x94 are “ ”, 0x80 is €, 0x96 is –.
    const bytes = Buffer.concat([Buffer.from('Katrien: Het idee', 'latin1'), Buffer.from([0xeb]), Buffer.from('n kost ', 'latin1'), Buffer.from([0x80, 0x20, 0x35, 0x20, 0x96, 0x20, 0x93]), Buffer.from('caf', 'latin1'), Buffer.from([0xe9, 0x94]), Buffer.from('.\r\nHanne: Ok', 'latin1'), Buffer.from([0xe9, 0x2e])]);
    expect(shape(await parse('a.txt', bytes))).toEqual([
      ['Katrien', 'Het ideeën kost € 5 – “café”.'],
      ['Hanne', 'Oké.'],
    ]);
  });

  it('keeps astral characters (emoji) intact', async () => {
    const turns = await parse('a.txt', 'Lena: Dat was 👍🏽 echt top.\nHanne: 😀');
    expect(shape(turns)).toEqual([
      ['Lena', 'Dat was 👍🏽 echt top.'],
      ['Hanne', '😀'],
    ]);
  });
});

describe('WebVTT', () => {
  it('merges consecutive cues of one voice, skips NOTE blocks and cue ids, joins multi-line cues', async () => {
    const vtt = [
      'WEBVTT',
      '',
      'NOTE',
      'Fictief.',
      '',
      '6a1f/1-0',
      '00:00:01.000 --> 00:00:03.500',
      '<v Hanne Claeys>Dag Sofie,</v>',
      '',
      '6a1f/2-0',
      '00:00:03.600 --> 00:00:05.000',
      '<v Hanne Claeys>hoe gaat het?</v>',
      '',
      '6a1f/3-0',
      '00:00:05.200 --> 00:00:09.000',
      '<v Sofie Peeters>Goed, dank je. Het is wel',
      'een drukke week &amp; zo.</v>',
      '',
      'NOTE opname kort onderbroken',
      '',
      '00:01:00.000 --> 00:01:02.000',
      '<v.loud Hanne Claeys>Zullen we beginnen?',
    ].join('\n');
    expect((await parse('a.vtt', vtt)).map((t) => [t.speaker, t.startMs, t.endMs, t.text])).toEqual([
      ['Hanne Claeys', 1000, 5000, 'Dag Sofie, hoe gaat het?'],
      ['Sofie Peeters', 5200, 9000, 'Goed, dank je. Het is wel een drukke week & zo.'],
      ['Hanne Claeys', 60_000, 62_000, 'Zullen we beginnen?'],
    ]);
  });

  it('reads timestamps without hours and "Naam:" inside cues (Zoom)', async () => {
    const vtt = 'WEBVTT\n\n1\n00:01.000 --> 00:04.000\nHanne Claeys: Welkom.\n\n2\n00:04.500 --> 00:08.000\nYusuf Aydin: Dank je.\n\n3\n01:08.000 --> 01:09.000\nYusuf Aydin: Echt.';
    expect((await parse('a.vtt', vtt)).map((t) => [t.speaker, t.startMs, t.text])).toEqual([
      ['Hanne Claeys', 1000, 'Welkom.'],
      ['Yusuf Aydin', 4500, 'Dank je. Echt.'],
    ]);
  });

  it('keeps a cue without voice with the speaker before it', async () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v A>Een</v>\n\n00:00:02.000 --> 00:00:03.000\ntwee\n\n00:00:03.000 --> 00:00:04.000\n<v B>Drie</v>';
    expect(shape(await parse('a.vtt', vtt))).toEqual([
      ['A', 'Een twee'],
      ['B', 'Drie'],
    ]);
  });
});

describe('SubRip', () => {
  it('reads cues with "Naam:" at the start of a turn, also mid-cue', async () => {
    const srt = [
      '1',
      '00:00:01,000 --> 00:00:03,000',
      'Interviewer: Hoe ben je',
      'leerlingenbegeleider geworden?',
      '',
      '2',
      '00:00:03,500 --> 00:00:06,000',
      'Bart: Eigenlijk toevallig.',
      '',
      '3',
      '00:00:06,100 --> 00:00:08,000',
      '<i>Ik gaf eerst les.</i>',
      'Interviewer: Oké.',
    ].join('\n');
    expect((await parse('a.srt', srt)).map((t) => [t.speaker, t.startMs, t.endMs, t.text])).toEqual([
      ['Interviewer', 1000, 3000, 'Hoe ben je leerlingenbegeleider geworden?'],
      ['Bart', 3500, 8000, 'Eigenlijk toevallig. Ik gaf eerst les.'],
      ['Interviewer', 6100, 8000, 'Oké.'],
    ]);
  });
});

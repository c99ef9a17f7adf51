import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { entryOf } from '../../src/main/core/documents/importers/observation.ts';
import { caller } from '../core/analysis-fixture.ts';
import { newSession } from '../support/temp.ts';

describe('dates that open an observation entry', () => {
  it('reads Dutch and English date forms, day first, with a weekday and a time', () => {
    const cases: Array<[string, string, string, string]> = [
      ['12/05/2021 — De sessie start.', '12/05/2021', '2021-05-12', 'De sessie start.'],
      ['12-5-21: kort', '12-5-21', '2021-05-12', 'kort'],
      ['2021-06-02 - Online intervisie', '2021-06-02', '2021-06-02', 'Online intervisie'],
      ['maandag 19 mei 2021, 14:00 – Zes deelnemers', 'maandag 19 mei 2021, 14:00', '2021-05-19', 'Zes deelnemers'],
      ['Wednesday 2 June 2021: Breakout rooms', 'Wednesday 2 June 2021', '2021-06-02', 'Breakout rooms'],
      ['June 9, 2021 — Last session', 'June 9, 2021', '2021-06-09', 'Last session'],
      ['1ste okt. 2021', '1ste okt. 2021', '2021-10-01', ''],
      ['05/13/2021 - month first where the day cannot be', '05/13/2021', '2021-05-13', 'month first where the day cannot be'],
    ];
    for (const [line, title, date, rest] of cases) expect(entryOf(line), line).toEqual({ title, date, rest });
    for (const line of ['De sessie van 12/05/2021 liep uit.', '31/02/2021 — geen datum', 'Interviewer: 12 mei 2021?', '3.4.5 Resultaten']) expect(entryOf(line), line).toBeNull();
  });
});

describe('importing observation notes', () => {
  it('makes a .txt of three dated entries an observation document with one section per entry, the dates kept', async () => {
    const { session, dir } = newSession();
    const call = caller(session);
    const path = join(dir, 'intervisie-notities.txt');
    writeFileSync(
      path,
      [
        '12/05/2021 — Eerste online intervisie. Zes leerkrachten, de camera’s',
        'gaan pas na tien minuten aan.',
        '',
        'Katrien brengt een casus over een leerling die vaak afwezig is.',
        '',
        'maandag 19 mei 2021: De groep werkt in breakout rooms. Veel stilte.',
        '',
        'June 2, 2021 - Laatste sessie; de deelnemers evalueren het jaar.',
      ].join('\n'),
    );
    const report = await call('documents/import', { files: [{ path }] });
    const entry = report.files[0]!;
    expect(entry).toMatchObject({ status: 'imported', kind: 'observation', sections: ['12/05/2021', 'maandag 19 mei 2021', 'June 2, 2021'] });
    expect(entry.notes).toEqual(['3 dated entries, each a section: 2021-05-12, 2021-05-19, 2021-06-02']);
    const document = await call('documents/get', { id: entry.documentId! });
    expect(document.kind).toBe('observation');
    expect(document.turns.map((t) => t.text)).toEqual([
      'Eerste online intervisie. Zes leerkrachten, de camera’s gaan pas na tien minuten aan.',
      'Katrien brengt een casus over een leerling die vaak afwezig is.',
      'De groep werkt in breakout rooms. Veel stilte.',
      'Laatste sessie; de deelnemers evalueren het jaar.',
    ]);
    // The dates are the sections' titles, not text to code.
    expect(document.text).not.toMatch(/2021/);
    const guide = await call('guide/get', {});
    expect(guide.map((s) => s.title)).toEqual(['12/05/2021', 'maandag 19 mei 2021', 'June 2, 2021']);
    const spans = await call('guide/spans', { documentId: document.id });
    const sectionOf = new Map(guide.map((s) => [s.id, s.title]));
    expect(spans.map((s) => [sectionOf.get(s.sectionId), document.text.slice(s.start, s.end)])).toEqual([
      ['12/05/2021', `${document.turns[0]!.text}\n\n${document.turns[1]!.text}`],
      ['maandag 19 mei 2021', document.turns[2]!.text],
      ['June 2, 2021', document.turns[3]!.text],
    ]);
  });

  it('reads a .docx of entries with a heading before them when the kind is observation; without it a transcript stays a transcript', async () => {
    const { session, dir } = newSession();
    const call = caller(session);
    const path = join(dir, 'observaties.docx');
    const paragraphs = ['Observaties schooljaar 2020-2021', '3 maart 2021 — Bezoek aan de klas.', 'De leerlingen werken in groepjes.', '10 maart 2021 — Tweede bezoek.', '17/03/2021 — Derde bezoek, nu online.'];
    writeFileSync(path, await Packer.toBuffer(new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })) }] })));
    const report = await call('documents/import', { files: [{ path }], kind: 'observation' });
    expect(report.files[0]).toMatchObject({ status: 'imported', kind: 'observation', sections: ['3 maart 2021', '10 maart 2021', '17/03/2021'] });
    const document = await call('documents/get', { id: report.files[0]!.documentId! });
    expect(document.turns.map((t) => t.text)).toEqual(['Observaties schooljaar 2020-2021', 'Bezoek aan de klas.', 'De leerlingen werken in groepjes.', 'Tweede bezoek.', 'Derde bezoek, nu online.']);

    const transcript = join(dir, 'interview.txt');
    writeFileSync(transcript, 'Interviewer: Wanneer was dat?\nKatrien: Op 12/05/2021, denk ik.\n');
    const plain = await call('documents/import', { files: [{ path: transcript }] });
    expect(plain.files[0]).toMatchObject({ status: 'imported', kind: 'interview' });
    expect(plain.files[0]!.sections).toBeUndefined();
  });
});

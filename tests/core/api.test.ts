import { describe, expect, it } from 'vitest';
import { contract, handlerNames } from '../../src/shared/api/contract.ts';
import { dispatch, handlers } from '../../src/main/core/handlers.ts';
import { newSession } from '../support/temp.ts';

describe('the typed API', () => {
  it('has a handler for every name in the contract, and a definition for every name', () => {
    expect(Object.keys(handlers).sort()).toEqual([...handlerNames].sort());
    expect(Object.keys(contract).sort()).toEqual([...handlerNames].sort());
  });

  it('refuses an unknown handler and invalid arguments, naming the field', async () => {
    const { session } = newSession();
    await expect(dispatch(session, 'documents/destroy', {})).rejects.toThrow('Unknown handler "documents/destroy".');
    await expect(dispatch(session, 'search/query', { query: 3 })).rejects.toThrow(/^Invalid arguments for search\/query: query: /);
    await expect(dispatch(session, 'search/query', { query: 'x', limit: 0 })).rejects.toThrow(/limit: /);
    await expect(dispatch(session, 'documents/import', { files: [] })).rejects.toThrow(/files: /);
    await expect(dispatch(session, 'documents/import', { files: [{ path: 'a.txt' }], onDuplicate: 'sometimes' })).rejects.toThrow(/onDuplicate: /);
    await expect(dispatch(session, 'project/info', { extra: true })).rejects.toThrow(/Invalid arguments for project\/info/);
    await expect(dispatch(session, 'project/choose', { mode: 'open' })).rejects.toThrow('Choosing a project file in another folder needs the desktop app.');
    await expect(dispatch(session, 'codings/apply', { documentId: 'd', start: 0, end: 1, labelId: 'l', labelName: 'x' })).rejects.toThrow(/give either labelId or labelName/);
    await expect(dispatch(session, 'codings/autocode', { labelName: 'x', query: { text: 'a', regex: 'b' } })).rejects.toThrow(/Invalid arguments for codings\/autocode/);
    await expect(dispatch(session, 'labels/create', { name: 'x', colour: 'red' })).rejects.toThrow(/colour: a colour like #0072B2/);
    expect(await dispatch(session, 'history/undo', {})).toEqual({ canUndo: false, canRedo: false, summary: null });
  });

  it('imports uploaded bytes through the same handler as paths', async () => {
    const { session } = newSession();
    const base64 = Buffer.from('Interviewer: Dag.\nKatrien: Dag Hanne.\n').toString('base64');
    const report = (await dispatch(session, 'documents/import', { files: [{ name: 'upload.txt', base64 }] })) as { imported: number };
    expect(report.imported).toBe(1);
    const docs = (await dispatch(session, 'documents/list', {})) as Array<{ name: string; speakers: string[]; turnCount: number }>;
    expect(docs).toMatchObject([{ name: 'upload', speakers: ['Interviewer', 'Katrien'], turnCount: 2 }]);
  });

  it('records every write in the change log with the coder, and emits a change event', async () => {
    const { session, project } = newSession('hanne');
    const events: string[] = [];
    const tables: string[][] = [];
    project.events.on('change', (e) => {
      events.push(e.action);
      tables.push(e.tables);
    });
    await dispatch(session, 'guide/set', {
      sections: [
        { title: 'ACHTERGROND PERSOONLIJK', questions: [{ text: 'Wat is jouw huidige functie?', type: 'opening' }] },
        { title: 'LEREN', questions: [{ text: 'Waar zitten voor jou de grootste leervragen?', type: 'interpreting' }] },
      ],
    });
    const participants = await dispatch(session, 'documents/import', { files: [{ name: 'p.csv', base64: Buffer.from('naam,net\nAn,GO!\n').toString('base64') }] });
    expect(participants).toMatchObject({ participants: [{ created: 1 }] });
    const [an] = ((await dispatch(session, 'participants/list', {})) as { participants: Array<{ id: string }> }).participants;
    const updated = await dispatch(session, 'participants/update', { id: an!.id, attributes: { net: 'OVSG', leeftijd: 41, voltijds: true } });
    expect(updated).toMatchObject({ name: 'An', attributes: { net: 'OVSG', leeftijd: 41, voltijds: true } });
    // One event per call, named after the handler, with the tables the call changed.
    expect(events).toEqual(['guide/set', 'documents/import', 'participants/update']);
    expect(tables).toEqual([
      ['change_log', 'guide_questions', 'guide_sections'],
      expect.arrayContaining(['change_log', 'participants', 'attributes', 'participant_attributes']),
      ['attributes', 'change_log', 'participant_attributes'],
    ]);
    const changes = (await dispatch(session, 'changes/list', {})) as Array<{ action: string; coder: string; summary: string }>;
    expect(changes.map((c) => [c.action, c.coder])).toEqual([
      ['participants/update', 'hanne'],
      ['participants/import', 'hanne'],
      ['guide/set', 'hanne'],
      ['project/create', 'hanne'],
    ]);
    expect(await dispatch(session, 'guide/get', {})).toMatchObject([
      { title: 'ACHTERGROND PERSOONLIJK', questions: [{ text: 'Wat is jouw huidige functie?', type: 'opening' }] },
      { title: 'LEREN', questions: [{ type: 'interpreting' }] },
    ]);
  });

  it('records the coder set in the settings on the next codings, and lists the coders of the project', async () => {
    const { session } = newSession('hanne');
    await dispatch(session, 'documents/import', { files: [{ name: 'a.txt', base64: Buffer.from('I: Een twee drie.\nR: Vier vijf.').toString('base64') }] });
    const [doc] = (await dispatch(session, 'documents/list', {})) as Array<{ id: string }>;
    await dispatch(session, 'codings/apply', { documentId: doc!.id, start: 0, end: 3, labelName: 'a' });
    // An has no coder key in this project until her first coding (made on this laptop).
    expect(await dispatch(session, 'coders/set', { name: '  An  ' })).toEqual({ name: 'An', id: null });
    await dispatch(session, 'codings/apply', { documentId: doc!.id, start: 0, end: 3, labelName: 'a' });
    const [segment] = (await dispatch(session, 'segments/list', { documentId: doc!.id })) as Array<{ codings: Array<{ coder: string; coderName: string }> }>;
    expect(segment!.codings.map((c) => c.coderName)).toEqual(['hanne', 'An']);
    const an = (await dispatch(session, 'coders/current', {})) as { id: string };
    expect(segment!.codings[1]!.coder).toBe(an.id);
    expect(((await dispatch(session, 'coders/list', {})) as Array<{ name: string; codings: number }>).map((c) => [c.name, c.codings])).toEqual([
      ['hanne', 1],
      ['An', 1],
    ]);
    const changes = (await dispatch(session, 'changes/list', { limit: 1 })) as Array<{ coder: string }>;
    expect(changes[0]!.coder).toBe('An');
  });
});

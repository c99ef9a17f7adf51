import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { generateCodebook } from '../../bench/corpus/codebook.ts';
import type { Label } from '../../src/shared/model.ts';
import { inVivoName } from '../../src/renderer/features/coding/in-vivo.ts';
import { createLabelSearch, labelNamed, LABEL_SEARCH_OPTIONS, PALETTE_MATCHES, searchLabels, searchNames } from '../../src/renderer/features/coding/label-search.ts';

function label(index: number, name: string, definition: string): Label {
  return {
    id: `label-${index}`, name, parentId: null, position: index, colour: '#0072B2', definition, definitionRich: null,
    inclusion: '', exclusion: '', example: '', origin: 'emergent', round: 1, createdBy: 'test',
    createdAt: '2025-01-01T00:00:00.000Z', segmentCount: 0, documentCount: 0, branchSegmentCount: 0, branchDocumentCount: 0,
  };
}

const labels = [
  label(0, 'werkdruk', 'Ervaren tijdsdruk en taken die zich opstapelen.'),
  label(1, 'samenwerking CLB', 'Overleg met het centrum voor leerlingenbegeleiding over een leerling.'),
  label(2, 'ouders', 'Contact met ouders; ook de ideeën van ouders over werkdruk thuis.'),
  label(3, 'zorgbeleid', 'Hoe de school de brede basiszorg organiseert.'),
];
const names = (typed: string) => searchLabels(createLabelSearch(labels), typed).map((l) => l.name);

describe('the palette search', () => {
  it('finds names fuzzily, with a typo', () => {
    expect(names('werkdurk')[0]).toBe('werkdruk');
    expect(names('samenw')[0]).toBe('samenwerking CLB');
  });

  it('finds a label by the start of a word of its definition, without diacritics or case', () => {
    expect(names('basisz')).toEqual(['zorgbeleid']);
    expect(names('IDEEEN')).toEqual(['ouders']);
    expect(names('leerlingenbeg')).toEqual(['samenwerking CLB']);
  });

  it('lists name matches before definition matches, each label once', () => {
    expect(names('werkdruk')).toEqual(['werkdruk', 'ouders']);
  });

  it('needs every typed word in a definition, and finds nothing for nonsense', () => {
    expect(names('ouders thuis')).toEqual(['ouders']);
    expect(names('brede thuis')).toEqual([]);
    expect(names('xyzq')).toEqual([]);
  });

  it('rebuilds the definition index when a definition changes, not only when the list does', () => {
    expect(names('basisz')).toEqual(['zorgbeleid']);
    const edited = labels.map((l) => (l.name === 'zorgbeleid' ? { ...l, definition: 'Hoe de school het zorgcontinuüm vormgeeft.' } : { ...l }));
    const search = createLabelSearch(edited);
    expect(searchLabels(search, 'basisz')).toEqual([]);
    expect(searchLabels(search, 'zorgcontinuum').map((l) => l.name)).toEqual(['zorgbeleid']);
  });

  it('lists at most the palette limit', () => {
    const many = Array.from({ length: 30 }, (_, i) => label(i, `thema ${i}`, 'Over de werking van de school.'));
    expect(searchLabels(createLabelSearch(many), 'werking')).toHaveLength(PALETTE_MATCHES);
    expect(searchLabels(createLabelSearch(many), 'thema')).toHaveLength(PALETTE_MATCHES);
  });
});

describe('the name filter in front of fuse.js', () => {
  it('finds exactly what fuse.js over every name finds, in the same order', () => {
    const words = ['werkdruk', 'samenwerking', 'clb', 'ouders', 'knelpunt', 'zorgbeleid', 'motivatie', 'grens', 'frustratie', 'taakopvatting', 'ideeën'];
    const many = Array.from({ length: 600 }, (_, i) =>
      label(i, `${words[i % words.length]} ${words[(i * 7 + 3) % words.length]}${i % 5 === 0 ? ` (${words[(i * 3) % words.length]})` : ''}`, ''),
    );
    const search = createLabelSearch(many);
    const plain = new Fuse(many, LABEL_SEARCH_OPTIONS);
    const typed = ['samenwerkng', 'knelpunt oud', 'frustartie', 'zorgbeleid beleid', 'taakopvating', 'werkdruk clb', 'ideeen', 'xyzqwv', 'motivatie grens', 'a'.repeat(40)];
    for (const text of typed) {
      for (let i = 1; i <= text.length; i++) {
        const prefix = text.slice(0, i);
        const expected = plain.search(prefix, { limit: PALETTE_MATCHES }).map((r) => r.item.id);
        expect(searchNames(search, prefix).map((l) => l.id), prefix).toEqual(expected);
      }
    }
  });

  it('agrees with fuse.js over the benchmark codebook of 2,000 labels, for typed names with typos', () => {
    const many = generateCodebook(2000, 0xfa1e).map((l, i) => label(i, l.name, ''));
    const search = createLabelSearch(many);
    const plain = new Fuse(many, LABEL_SEARCH_OPTIONS);
    // A name with 0–3 edits (a letter dropped, one put in, one replaced), typed letter by letter.
    const typo = (name: string, edits: number) => {
      let text = name;
      for (let j = 0; j < edits; j++) {
        const at = (j * 7 + name.length) % Math.max(1, text.length);
        text = j % 3 === 0 ? text.slice(0, at) + text.slice(at + 1) : j % 3 === 1 ? `${text.slice(0, at)}e${text.slice(at)}` : `${text.slice(0, at)}q${text.slice(at + 1)}`;
      }
      return text;
    };
    for (const item of many.slice(0, 40)) {
      for (const edits of [0, 1, 2, 3]) {
        const text = typo(item.name, edits);
        for (let i = 1; i <= text.length; i++) {
          const prefix = text.slice(0, i);
          expect(searchNames(search, prefix).map((l) => l.id), prefix).toEqual(plain.search(prefix, { limit: PALETTE_MATCHES }).map((r) => r.item.id));
        }
      }
    }
  });
});

describe('the label a typed name names', () => {
  const search = createLabelSearch([...labels, label(4, 'leervraag', ''), label(5, 'Ideeën  over zorg', '')]);

  it('is the label of that name, case, accents and runs of spaces aside', () => {
    expect(labelNamed(search, 'LEERVRAAG')?.name).toBe('leervraag');
    expect(labelNamed(search, ' ideeen over Zorg ')?.name).toBe('Ideeën  over zorg');
  });

  it('is none for a name that is only close to one, though the search ranks that one first', () => {
    expect(searchLabels(search, 'leervragen')[0]?.name).toBe('leervraag');
    expect(labelNamed(search, 'leervragen')).toBeUndefined();
    expect(labelNamed(search, 'werkdruk thuis')).toBeUndefined();
    expect(labelNamed(search, '   ')).toBeUndefined();
  });
});

describe('an in-vivo label name', () => {
  it('drops the sentence\'s closing full stop, keeps what was said', () => {
    expect(inVivoName('ik doe dat\n graag.')).toBe('ik doe dat graag');
    expect(inVivoName('waarom ik?')).toBe('waarom ik?');
    expect(inVivoName('en dan...')).toBe('en dan...');
    expect(inVivoName('zo is het, ')).toBe('zo is het');
  });
});

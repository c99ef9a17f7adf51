import { describe, expect, it } from 'vitest';
import { checkQuoteEdit, quoteEditMessage, quoteWords } from '../../src/shared/text/quote-edit.ts';

// A passage of the study's appendix (seed 001), verbatim.
const PASSAGE =
  'Bijvoorbeeld mijn collega doet dat niet, gewoon omdat ze zich er niet sterk genoeg in voelt, omdat ze er geen ervaring mee heeft. ' +
  'Maar er ligt daar nog iets te veel initiatief bij mij en mijn collega’s. Meer in plannetje gieten kan nog, dat zou een kruisbestuiving kunnen geven.';

describe('the edited-quote check', () => {
  it('accepts words left out with (…) or […], words added in brackets, other case and punctuation', () => {
    expect(checkQuoteEdit('Mijn collega doet dat niet (…) omdat ze er geen ervaring mee heeft.', PASSAGE)).toBeNull();
    expect(checkQuoteEdit('[De collega van de leerlingenbegeleider] doet dat niet […] omdat ze er geen ervaring mee heeft', PASSAGE)).toBeNull();
    expect(checkQuoteEdit('MAAR er ligt daar nog iets te veel initiatief bij mij en mijn collega’s!', PASSAGE)).toBeNull();
    // Three dots are a mark too; an apostrophe typed straight matches the passage's curly one.
    expect(checkQuoteEdit("bij mij en mijn collega's (...) Meer in plannetje gieten kan nog", PASSAGE)).toBeNull();
    expect(checkQuoteEdit('mijn collega doet dat niet [...] [zij] zou een kruisbestuiving kunnen geven', PASSAGE)).toBeNull();
    // A quote may start and end anywhere in its passage without a mark.
    expect(checkQuoteEdit('iets te veel initiatief', PASSAGE)).toBeNull();
  });

  it('refuses a word that is not in the passage, naming it', () => {
    const problem = checkQuoteEdit('Mijn collega doet dat nooit', PASSAGE);
    expect(problem).toEqual({ code: 'quoteEditWord', word: 'nooit', after: 'dat' });
    expect(quoteEditMessage(problem!)).toBe('“nooit” does not come after “dat” in the quoted passage; words of your own go in square brackets.');
    expect(checkQuoteEdit('Mijn directeur doet dat niet', PASSAGE)).toEqual({ code: 'quoteEditWord', word: 'directeur', after: 'Mijn' });
    expect(checkQuoteEdit('Zeker, mijn collega', PASSAGE)).toEqual({ code: 'quoteEditWord', word: 'Zeker', after: null });
  });

  it('refuses words in another order, and words left out without a mark', () => {
    expect(checkQuoteEdit('ervaring geen', PASSAGE)).toEqual({ code: 'quoteEditWord', word: 'geen', after: 'ervaring' });
    expect(checkQuoteEdit('Mijn collega doet dat niet omdat ze er geen ervaring mee heeft', PASSAGE)).toEqual({ code: 'quoteEditGap', word: 'omdat', after: 'niet' });
    // Words added in brackets may stand where words were left out.
    expect(checkQuoteEdit('Mijn collega doet dat niet [want] omdat ze er geen ervaring mee heeft', PASSAGE)).toBeNull();
  });

  it('finds the fitting place of a repeated word (not only the first)', () => {
    // "omdat ze" occurs twice; only its second place is followed by "er geen".
    expect(checkQuoteEdit('omdat ze er geen ervaring', PASSAGE)).toBeNull();
    expect(checkQuoteEdit('mijn collega’s', PASSAGE)).toBeNull();
  });

  it('counts accents (composed or not) and refuses a word without its accent', () => {
    const passage = 'We hebben het hele zorgcontinuüm doorlopen, ideeën uitgewisseld met de CLB-medewerker.';
    expect(checkQuoteEdit('het hele zorgcontinuüm doorlopen (…) ideeën uitgewisseld', passage)).toBeNull();
    // The same words typed decomposed (u + combining diaeresis) are the same words.
    expect(checkQuoteEdit('het hele zorgcontinuu\u0308m doorlopen'.normalize('NFD'), passage)).toBeNull();
    expect(checkQuoteEdit('het hele zorgcontinuum doorlopen', passage)).toEqual({ code: 'quoteEditWord', word: 'zorgcontinuum', after: 'hele' });
    expect(checkQuoteEdit('ideeen uitgewisseld', passage)).toEqual({ code: 'quoteEditWord', word: 'ideeen', after: null });
    // A hyphenated word is one word; a hyphen at its edge is punctuation.
    expect(checkQuoteEdit('met de CLB-medewerker', passage)).toBeNull();
    expect(checkQuoteEdit('met de CLB medewerker', passage)).toMatchObject({ code: 'quoteEditWord', word: 'CLB' });
  });

  it('treats an emoji as a word: kept, it fits; added outside brackets, it is refused', () => {
    const passage = 'Dat was echt top 👍🏽 en daarna 👨‍👩‍👧 samen naar huis 🇧🇪.';
    expect(quoteWords(passage).map((w) => w.text)).toEqual(['Dat', 'was', 'echt', 'top', '👍🏽', 'en', 'daarna', '👨‍👩‍👧', 'samen', 'naar', 'huis', '🇧🇪']);
    expect(checkQuoteEdit('echt top 👍🏽 (…) samen naar huis 🇧🇪', passage)).toBeNull();
    expect(checkQuoteEdit('echt top (…) 👨‍👩‍👧 samen', passage)).toBeNull();
    expect(checkQuoteEdit('echt top 😀 en daarna', passage)).toEqual({ code: 'quoteEditWord', word: '😀', after: 'top' });
    // In brackets it is the researcher's, standing for the emoji it replaces.
    expect(checkQuoteEdit('echt top [😀] en daarna', passage)).toBeNull();
    expect(checkQuoteEdit('echt top en daarna', passage)).toEqual({ code: 'quoteEditGap', word: 'en', after: 'top' });
  });

  it('refuses unbalanced brackets and a quote of added words only', () => {
    expect(checkQuoteEdit('[mijn collega doet dat niet', PASSAGE)).toMatchObject({ code: 'quoteEditBracket' });
    expect(checkQuoteEdit('mijn collega] doet dat niet', PASSAGE)).toMatchObject({ code: 'quoteEditBracket' });
    expect(checkQuoteEdit('[iets [anders]]', PASSAGE)).toMatchObject({ code: 'quoteEditBracket' });
    expect(checkQuoteEdit('[iets anders] (…)', PASSAGE)).toEqual({ code: 'quoteEditNoWords' });
  });
});

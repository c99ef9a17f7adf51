import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { conceptsStrings } from '../../src/renderer/features/concepts/i18n.ts';
import { supportCounts } from '../../src/renderer/features/concepts/support-counts.ts';

async function translator(lng: 'nl' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { [lng]: { translation: { concepts: conceptsStrings[lng] } } }, interpolation: { escapeValue: false } });
  return i18n.t;
}

describe("a concept's counts in words", () => {
  it('says each count in its own plural, in Dutch and English', async () => {
    const nl = await translator('nl');
    expect(nl('concepts.support', supportCounts(nl, 'nl', { segments: 1, participants: 1, documents: 1 }))).toBe('1 passage van 1 deelnemer in 1 transcript');
    expect(nl('concepts.support', supportCounts(nl, 'nl', { segments: 1200, participants: 2, documents: 3 }))).toBe('1.200 passages van 2 deelnemers in 3 transcripten');
    const en = await translator('en');
    expect(en('concepts.countHint', supportCounts(en, 'en', { segments: 1, participants: 4 }))).toBe('1 passage, 4 participants');
  });
});

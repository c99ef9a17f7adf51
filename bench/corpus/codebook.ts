import { createRng, type Rng } from './prng.ts';
import { CONTENT_WORDS, LABEL_ASPECTS, LABEL_THEMES } from './vocabulary.ts';

export interface GeneratedLabel {
  name: string;
  /** Index of the parent in the same list, or null for a top-level theme. */
  parent: number | null;
  definition: string;
  origin: 'a-priori' | 'emergent' | 'in-vivo';
}

function definition(rng: Rng, theme: string, aspect: string | null): string {
  const words = Array.from({ length: rng.between(8, 24) }, () => rng.pick(CONTENT_WORDS)).join(' ');
  return aspect
    ? `Passages waarin de respondent ${aspect} rond ${theme} beschrijft, bijvoorbeeld ${words}.`
    : `Alles over ${theme}: ${words}.`;
}

/**
 * A codebook tree of `count` labels: top-level themes with aspects beneath them, about ten labels
 * a theme. Names are unique across the tree, as a palette search over them expects.
 */
export function generateCodebook(count: number, seed = 0xc0de): GeneratedLabel[] {
  const rng = createRng(seed);
  const themes = Math.min(LABEL_THEMES.length, Math.max(1, Math.ceil(count / 10)));
  const labels: GeneratedLabel[] = [];
  for (let t = 0; t < themes; t++) {
    labels.push({ name: LABEL_THEMES[t]!, parent: null, definition: definition(rng, LABEL_THEMES[t]!, null), origin: 'a-priori' });
  }
  for (let i = 0; labels.length < count; i++) {
    const theme = i % themes;
    const aspect = LABEL_ASPECTS[Math.floor(i / themes) % LABEL_ASPECTS.length]!;
    const round = Math.floor(i / (themes * LABEL_ASPECTS.length));
    const name = `${aspect} (${LABEL_THEMES[theme]})${round > 0 ? ` ${round + 1}` : ''}`;
    labels.push({ name, parent: theme, definition: definition(rng, LABEL_THEMES[theme]!, aspect), origin: rng.chance(0.7) ? 'emergent' : 'in-vivo' });
  }
  return labels;
}

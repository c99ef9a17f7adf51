/**
 * Label colours: distinguishable side by side (after Okabe and Ito, extended) and dark enough to
 * carry white text or to underline a line of text readably. Never the only cue: names go with them.
 */
export const LABEL_PALETTE = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#B8860B',
  '#56B4E9',
  '#8C564B',
  '#6A3D9A',
  '#E7298A',
  '#1B9E77',
  '#7570B3',
  '#A6761D',
] as const;

/** The first palette colour not yet in use, or the least used one. */
export function nextColour(used: string[]): string {
  const counts = new Map<string, number>(LABEL_PALETTE.map((c) => [c, 0]));
  for (const colour of used) if (counts.has(colour.toUpperCase())) counts.set(colour.toUpperCase(), counts.get(colour.toUpperCase())! + 1);
  let best: string = LABEL_PALETTE[0];
  for (const colour of LABEL_PALETTE) if (counts.get(colour)! < counts.get(best)!) best = colour;
  return best;
}

/**
 * The in-vivo label's name: the selected words on one line, without the sentence's closing full
 * stop, comma, colon or semicolon ("ik doe dat graag." becomes "ik doe dat graag"); a question
 * mark, an exclamation mark or an ellipsis is part of what was said and stays. At most 80 characters.
 */
export function inVivoName(selected: string): string {
  return selected
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?<!\.)[.,;:]$/u, '')
    .slice(0, 80)
    .trim();
}

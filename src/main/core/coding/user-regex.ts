import { RE2JS } from 're2js';
import { DuidingError } from '../../../shared/errors.ts';

/**
 * Regular expressions typed by a user (auto-code `--regex`) run in RE2JS, a linear-time engine: a
 * backtracking engine such as JavaScript's own takes exponential time on `(a+)+$` and froze every
 * client of `duiding serve` for as long as it ran. RE2 has no backreferences and no lookaround,
 * exactly the features that need backtracking; they are refused with a sentence saying so.
 */
export const MAX_REGEX_LENGTH = 1000;

const UNSUPPORTED: Array<[RegExp, string]> = [
  [/\\[1-9]|\\k</, 'a backreference (\\1, \\k<name>)'],
  [/\(\?<?[=!]/, 'lookaround ((?=…), (?!…), (?<=…), (?<!…))'],
];

export interface UserRegex {
  source: string;
  /** The spans of every non-empty match in `text`, in UTF-16 code units. */
  spans(text: string): Array<{ start: number; end: number }>;
}

function refuse(source: string, problem: string, code: string): never {
  throw new DuidingError(`"${source}" ${problem}`, 'usage', { code, params: { regex: source } });
}

export function compileUserRegex(source: string): UserRegex {
  if (source.length > MAX_REGEX_LENGTH) {
    refuse(`${source.slice(0, 40)}…`, `is longer than ${MAX_REGEX_LENGTH} characters; a regular expression for auto-coding is far shorter.`, 'regexTooLong');
  }
  for (const [pattern, what] of UNSUPPORTED) {
    if (pattern.test(source)) {
      refuse(source, `uses ${what}, which Duiding does not support: regular expressions run in linear time (RE2 syntax), so that no expression can freeze the program.`, 'regexUnsupported');
    }
  }
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    const reason = (error as Error).message.replace(/^error parsing regexp: /, '');
    refuse(source, `is not a valid regular expression: ${reason}.`, 'regexInvalid');
  }
  return {
    source,
    spans(text) {
      const out: Array<{ start: number; end: number }> = [];
      const matcher = compiled.matcher(text);
      while (matcher.find()) {
        const start = matcher.start();
        const end = matcher.end();
        if (end > start) out.push({ start, end });
      }
      return out;
    },
  };
}

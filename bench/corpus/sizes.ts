/**
 * The three corpus sizes of issue 5: S is the study itself (six interviews), M a research project,
 * L an archive (1,000 interviews of about 8,000 words, some 8 million words).
 */
export interface CorpusSize {
  name: 's' | 'm' | 'l';
  interviews: number;
  wordsPerInterview: number;
  labels: number;
  segments: number;
  coders: string[];
  concepts: number;
  learningQuestions: number;
  tensions: number;
}

export const SIZES: Record<CorpusSize['name'], CorpusSize> = {
  s: { name: 's', interviews: 6, wordsPerInterview: 8000, labels: 40, segments: 600, coders: ['hanne', 'jonas'], concepts: 8, learningQuestions: 3, tensions: 3 },
  m: { name: 'm', interviews: 100, wordsPerInterview: 8000, labels: 150, segments: 5000, coders: ['hanne', 'jonas', 'lies'], concepts: 25, learningQuestions: 6, tensions: 6 },
  l: { name: 'l', interviews: 1000, wordsPerInterview: 8000, labels: 500, segments: 50000, coders: ['hanne', 'jonas', 'lies', 'omar'], concepts: 60, learningQuestions: 12, tensions: 12 },
};

/** The long transcript of issue 4's browser benchmark, the same at every size. */
export const LONG_TRANSCRIPT = { characters: 300_000, codings: 2000, name: 'lang-interview-300k' } as const;

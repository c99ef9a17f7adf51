import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyWhenShown } from '../../components/lazy.tsx';
import { useStore } from '../../store/index.ts';

// Rounds 2–3's dialog loads when first opened: the segment panel comes with the reader (round 1).
const AddToConceptDialog = lazyWhenShown(() => import('../concepts/ConceptDialogs.tsx').then((m) => m.AddToConceptDialog), (props) => props.segmentIds !== null);

/**
 * What rounds 2 and 3 offer on a selected segment (in the transcript's segment panel and in
 * retrieval): add it to a concept, or make it an explicit learning question (not offered in retrieval's lists).
 */
export function SegmentAnalysisActions({ segmentId, question = true }: { segmentId: string; question?: boolean }) {
  const { t } = useTranslation();
  const fromSegment = useStore((s) => s.learningQuestionFromSegment);
  const navigate = useStore((s) => s.navigate);
  const [adding, setAdding] = useState(false);
  const [made, setMade] = useState<{ segmentId: string; id: string } | null>(null);
  return (
    <>
      <button type="button" className="button button--small" onClick={() => setAdding(true)}>
        {t('rounds.addToConcept')}
      </button>
      {question && (
        <button
          type="button"
          className="button button--small"
          title={t('rounds.makeQuestionHelp')}
          onClick={() => {
            void fromSegment(segmentId).then((q) => q && setMade({ segmentId, id: q.id }));
          }}
        >
          {t('rounds.makeQuestion')}
        </button>
      )}
      {made?.segmentId === segmentId && (
        <p className="segment-actions__done small" role="status">
          ✓ {t('rounds.questionMade')}{' '}
          <button type="button" className="link-button" onClick={() => navigate({ name: 'learning-questions', id: made.id })}>
            {t('rounds.openQuestion')}
          </button>
        </p>
      )}
      <AddToConceptDialog segmentIds={adding ? [segmentId] : null} onClose={() => setAdding(false)} />
    </>
  );
}

import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LEARNING_QUESTION_KINDS, type LearningQuestion, type LearningQuestionKind } from '../../../shared/analysis.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { SavedTextarea } from '../../components/SavedTextarea.tsx';
import { useStore } from '../../store/index.ts';
import { ConceptChips, SavedInput } from '../rounds/fields.tsx';
import { ItemScreen } from '../rounds/ItemScreen.tsx';
import { SupportingQuotes } from '../rounds/SupportingQuotes.tsx';
import { useConcepts, useLearningQuestions, useRoundStatus } from '../../data/reads.ts';
import { useRead } from '../../data/index.ts';

function KindSwitch({ value, onChange }: { value: LearningQuestionKind; onChange(kind: LearningQuestionKind): void }) {
  const { t } = useTranslation();
  return (
    <div className="segmented" role="group" aria-label={t('lq.kind')}>
      {LEARNING_QUESTION_KINDS.map((kind) => (
        <button key={kind} type="button" className={value === kind ? 'is-active' : ''} aria-pressed={value === kind} title={t(`lq.kindHelp.${kind}`)} onClick={() => onChange(kind)}>
          {t(`lq.kinds.${kind}`)}
        </button>
      ))}
    </div>
  );
}

/** The levels already used, offered while typing one. */
function LevelOptions({ id }: { id: string }) {
  const questions = useLearningQuestions();
  const levels = [...new Set(questions.map((q) => q.level).filter(Boolean))];
  return (
    <datalist id={id}>
      {levels.map((level) => (
        <option key={level} value={level} />
      ))}
    </datalist>
  );
}

function NewQuestionDialog({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(q: LearningQuestion): void }) {
  const { t } = useTranslation();
  const create = useStore((s) => s.createLearningQuestion);
  const [question, setQuestion] = useState('');
  const [kind, setKind] = useState<LearningQuestionKind>('implicit');
  const [level, setLevel] = useState('');
  const levelsId = useId();
  useEffect(() => {
    if (open) {
      setQuestion('');
      setKind('implicit');
      setLevel('');
    }
  }, [open]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const made = await create({ question: question.trim(), kind, level: level.trim() || undefined });
    if (made) onCreated(made);
  };
  return (
    <Dialog open={open} onClose={onClose} title={t('lq.newTitle')} description={t('lq.newHelp')}>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{t('lq.question')}</span>
          <textarea rows={3} autoFocus value={question} placeholder={t('lq.questionPlaceholder')} onChange={(e) => setQuestion(e.target.value)} />
        </label>
        <div className="field">
          <span>{t('lq.kind')}</span>
          <KindSwitch value={kind} onChange={setKind} />
          <span className="muted small">{t(`lq.kindHelp.${kind}`)}</span>
        </div>
        <label className="field">
          <span>{t('lq.level')}</span>
          <input list={levelsId} value={level} placeholder={t('lq.levelPlaceholder')} onChange={(e) => setLevel(e.target.value)} />
          <LevelOptions id={levelsId} />
        </label>
        <footer className="dialog__footer">
          <button type="button" className="button button--quiet" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={!question.trim()}>
            {t('lq.create')}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}

function QuestionPage({ question }: { question: LearningQuestion }) {
  const { t } = useTranslation();
  const update = useStore((s) => s.updateLearningQuestion);
  const remove = useStore((s) => s.deleteLearningQuestion);
  const concepts = useConcepts();
  const levelsId = useId();
  const conceptItems = useMemo(() => concepts.map((c) => ({ id: c.id, name: c.name, colour: c.colour })), [concepts]);
  const [draft, setDraft] = useState(question.question);
  useEffect(() => setDraft(question.question), [question.question]);
  return (
    <article className="item-page" aria-labelledby="lq-title">
      <header className="item-page__header">
        <p className="eyebrow" id="lq-title">
          {t('lq.one')} · {t(`lq.kinds.${question.kind}`)}
          {question.level ? ` · ${question.level}` : ''}
        </p>
        <label className="visually-hidden" htmlFor="lq-question">
          {t('lq.question')}
        </label>
        <textarea
          id="lq-question"
          className="item-page__question"
          rows={2}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => {
            if (draft.trim() && draft.trim() !== question.question) void update({ id: question.id, question: draft.trim() });
            else setDraft(question.question);
          }}
        />
      </header>
      <div className="item-page__row">
        <div className="field">
          <span>{t('lq.kind')}</span>
          <KindSwitch value={question.kind} onChange={(kind) => void update({ id: question.id, kind })} />
        </div>
        <div className="item-page__level">
          <SavedInput label={t('lq.level')} list={levelsId} value={question.level} placeholder={t('lq.levelPlaceholder')} onSave={(level) => void update({ id: question.id, level })} />
          <LevelOptions id={levelsId} />
        </div>
      </div>
      {question.sourceSegmentId && <p className="muted small">{t('lq.fromSegment')}</p>}
      <section className="item-page__section">
        <h2 className="eyebrow">{t('lq.concepts')}</h2>
        <ConceptChips conceptIds={question.conceptIds} concepts={conceptItems} onChange={(conceptIds) => void update({ id: question.id, conceptIds })} />
      </section>
      <SupportingQuotes title={t('lq.support')} segmentIds={question.segmentIds} concepts={question.conceptIds} onChange={(segmentIds) => void update({ id: question.id, segmentIds })} />
      <section className="item-page__section">
        <SavedTextarea label={t('lq.memo')} value={question.memo} rows={4} placeholder={t('lq.memoPlaceholder')} onSave={(memo) => void update({ id: question.id, memo })} />
      </section>
      <footer className="item-page__footer">
        <button type="button" className="button button--danger-quiet" onClick={() => void remove(question.id)}>
          {t('lq.delete')}
        </button>
        <span className="muted small">{t('rounds.undoHint')}</span>
      </footer>
    </article>
  );
}

/** Round 3: the learning questions by level; the chosen one in the middle. */
export function LearningQuestionsView({ id }: { id: string | null }) {
  const { t } = useTranslation();
  const questions = useLearningQuestions();
  const status = useRoundStatus();
  const loaded = useRead('learningQuestions/list', {}).data !== undefined;
  const move = useStore((s) => s.moveLearningQuestion);
  const navigate = useStore((s) => s.navigate);
  const choose = useCallback((qid: string | null) => navigate({ name: 'learning-questions', id: qid }), [navigate]);
  const unsupported = new Set(status?.round3.questionsWithoutSupport ?? []);
  return (
    <ItemScreen
      items={questions}
      loaded={loaded}
      id={id}
      choose={choose}
      toItem={(q) => ({
        id: q.id,
        title: q.question,
        group: q.level,
        meta: `${t(`lq.kinds.${q.kind}`)} · ${t('lq.quotesCount', { count: q.segmentIds.length })}`,
        open: unsupported.has(q.id),
      })}
      onMove={(qid, index) => void move(qid, index)}
      text={{ list: t('lq.list'), title: t('lq.countTitle', { count: questions.length }), new: t('lq.new'), noGroup: t('lq.noLevel'), emptyTitle: t('lq.emptyTitle'), emptyHelp: t('lq.emptyHelp') }}
      page={(q) => <QuestionPage key={q.id} question={q} />}
      newDialog={(dialog) => <NewQuestionDialog {...dialog} />}
    />
  );
}

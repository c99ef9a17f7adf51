import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index.ts';
import type { Route } from '../../store/route.ts';
import { useConcepts, useLabels, useLearningQuestions, useRoundStatus, useTensions } from '../../data/reads.ts';

interface Todo {
  key: string;
  title: string;
  /** The things left, each leading to where the work is done; or a count with one link. */
  items: Array<{ id: string; name: string; route: Route }>;
  count: number;
  route: Route;
}

function TodoList({ todo }: { todo: Todo }) {
  const { t } = useTranslation();
  const navigate = useStore((s) => s.navigate);
  const shown = todo.items.slice(0, 12);
  return (
    <section className="round-todo" aria-labelledby={`todo-${todo.key}`}>
      <h2 id={`todo-${todo.key}`} className="round-todo__title">
        <span>{todo.title}</span>
        <span className={`round-todo__count${todo.count === 0 ? ' is-done' : ''}`}>{todo.count === 0 ? `✓ ${t('rounds.done')}` : todo.count}</span>
      </h2>
      {shown.length > 0 && (
        <ul className="round-todo__items">
          {shown.map((item) => (
            <li key={item.id}>
              <button type="button" className="link-button" onClick={() => navigate(item.route)}>
                {item.name}
              </button>
            </li>
          ))}
          {todo.items.length > shown.length && <li className="muted small">{t('rounds.more', { count: todo.items.length - shown.length })}</li>}
        </ul>
      )}
      {todo.count > 0 && (
        <button type="button" className="button button--small" onClick={() => navigate(todo.route)}>
          {t('rounds.goThere')} →
        </button>
      )}
    </section>
  );
}

/** A round's overview: what the round is for, and what is left to do, each item a way to the work. */
export function RoundView({ round }: { round: 1 | 2 | 3 }) {
  const { t } = useTranslation();
  const status = useRoundStatus();
  const labels = useLabels();
  const concepts = useConcepts();
  const questions = useLearningQuestions();
  const tensions = useTensions();
  const navigate = useStore((s) => s.navigate);
  if (!status) return <p className="page muted">{t('common.loading')}</p>;
  const named = <T extends { id: string }>(list: T[], ids: string[], name: (item: T) => string, route: (id: string) => Route) => {
    const byId = new Map(list.map((item) => [item.id, item]));
    return ids.flatMap((id) => {
      const item = byId.get(id);
      return item ? [{ id, name: name(item) || '…', route: route(id) }] : [];
    });
  };
  let todos: Todo[];
  let facts: string;
  let next: { label: string; route: Route };
  if (round === 1) {
    const s = status.round1;
    facts = t('rounds.r1Facts', { documents: s.documents, labels: s.labels });
    todos = [
      { key: 'uncoded', title: t('rounds.uncodedDocuments'), items: [], count: s.uncodedDocuments, route: { name: 'documents' } },
      { key: 'unused', title: t('rounds.unusedLabels'), items: [], count: s.unusedLabels, route: { name: 'codebook', labelId: null } },
    ];
    next = { label: t('rounds.toRound2'), route: { name: 'round', round: 2 } };
  } else if (round === 2) {
    const s = status.round2;
    facts = t('rounds.r2Facts', { concepts: s.concepts, labels: labels.length });
    const labelItems = named(labels, s.labelsInNoConcept, (l) => l.name, () => ({ name: 'concepts', conceptId: null }));
    todos = [
      { key: 'labels', title: t('rounds.labelsInNoConcept'), items: labelItems, count: labelItems.length, route: { name: 'concepts', conceptId: null } },
      {
        key: 'concepts',
        title: t('rounds.conceptsWithoutQuotes'),
        items: named(concepts, s.conceptsWithoutQuotes, (c) => c.name, (id) => ({ name: 'concepts', conceptId: id })),
        count: s.conceptsWithoutQuotes.length,
        route: { name: 'concepts', conceptId: s.conceptsWithoutQuotes[0] ?? null },
      },
    ];
    next = { label: t('rounds.openMatrix'), route: { name: 'matrix', params: {} } };
  } else {
    const s = status.round3;
    facts = t('rounds.r3Facts', { questions: s.learningQuestions, tensions: s.tensions });
    todos = [
      {
        key: 'questions',
        title: t('rounds.questionsWithoutSupport'),
        items: named(questions, s.questionsWithoutSupport, (q) => q.question, (id) => ({ name: 'learning-questions', id })),
        count: s.questionsWithoutSupport.length,
        route: { name: 'learning-questions', id: s.questionsWithoutSupport[0] ?? null },
      },
      {
        key: 'tensions',
        title: t('rounds.tensionsWithoutImplications'),
        items: named(tensions, s.tensionsWithoutImplications, (x) => x.title, (id) => ({ name: 'tensions', id })),
        count: s.tensionsWithoutImplications.length,
        route: { name: 'tensions', id: s.tensionsWithoutImplications[0] ?? null },
      },
    ];
    next = { label: t('rounds.toReport'), route: { name: 'report' } };
  }
  return (
    <div className="page page--narrow round-view">
      <header className="round-view__header">
        <p className="eyebrow">{t('rounds.roundN', { n: round })}</p>
        <h1>{t(`rounds.r${round}`)}</h1>
        <p className="round-view__purpose">{t(`rounds.r${round}Purpose`)}</p>
        <p className="muted">{facts}</p>
      </header>
      <h2 className="eyebrow">{t('rounds.leftToDo')}</h2>
      <div className="round-view__todos">
        {todos.map((todo) => (
          <TodoList key={todo.key} todo={todo} />
        ))}
      </div>
      <div className="round-view__next">
        <button type="button" className="button button--primary" onClick={() => navigate(next.route)}>
          {next.label} →
        </button>
      </div>
    </div>
  );
}

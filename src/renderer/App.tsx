import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { describe } from './components/describe.ts';
import { StartScreen } from './features/start/StartScreen.tsx';
import { TaskBar } from './features/tasks/TaskBar.tsx';
import { listenForChanges, showReadErrors } from './data/index.ts';
import { lazyComponent } from './components/lazy.tsx';
import { loadAreaStrings } from './i18n/index.ts';
import type { ComponentType } from 'react';
import { useStore } from './store/index.ts';

/** A project screen: its code and the areas' strings it shows, fetched side by side (not one after the other). */
const screen = <P extends object>(load: () => Promise<ComponentType<P>>) => lazyComponent(() => Promise.all([loadAreaStrings(), load()]).then(([, component]) => component));

// The start screen comes with the page; round 1 (the project's frame, the transcripts, the reader)
// is fetched right after it is shown, the rest when opened.
const ProjectLayout = screen(() => import('./features/project/ProjectLayout.tsx').then((m) => m.ProjectLayout));
const DocumentsView = screen(() => import('./features/documents/DocumentsView.tsx').then((m) => m.DocumentsView));
const TranscriptView = screen(() => import('./features/transcript/TranscriptView.tsx').then((m) => m.TranscriptView));
const CodebookView = screen(() => import('./features/codebook/CodebookView.tsx').then((m) => m.CodebookView));
const ConceptMapView = screen(() => import('./features/concept-map/ConceptMapView.tsx').then((m) => m.ConceptMapView));
const ConceptsView = screen(() => import('./features/concepts/ConceptsView.tsx').then((m) => m.ConceptsView));
const LearningQuestionsView = screen(() => import('./features/learning-questions/LearningQuestionsView.tsx').then((m) => m.LearningQuestionsView));
const MatrixView = screen(() => import('./features/matrix/MatrixView.tsx').then((m) => m.MatrixView));
const MemosView = screen(() => import('./features/memos/MemosView.tsx').then((m) => m.MemosView));
const OutlineView = screen(() => import('./features/outline/OutlineView.tsx').then((m) => m.OutlineView));
const RetrievalView = screen(() => import('./features/retrieval/RetrievalView.tsx').then((m) => m.RetrievalView));
const ParticipantsView = screen(() => import('./features/participants/ParticipantsView.tsx').then((m) => m.ParticipantsView));
const RoundView = screen(() => import('./features/rounds/RoundView.tsx').then((m) => m.RoundView));
const SearchView = screen(() => import('./features/search/SearchView.tsx').then((m) => m.SearchView));
const ScalesView = screen(() => import('./features/surveys/ScalesView.tsx').then((m) => m.ScalesView));
const AgreementView = screen(() => import('./features/agreement/AgreementView.tsx').then((m) => m.AgreementView));
const TensionsView = screen(() => import('./features/tensions/TensionsView.tsx').then((m) => m.TensionsView));

function ErrorBanner() {
  const { t } = useTranslation();
  const error = useStore((s) => s.error);
  const clear = useStore((s) => s.clearError);
  if (!error) return null;
  return (
    <div className="error-banner" role="alert">
      <span>{describe(t, error)}</span>
      <button className="icon-button" aria-label={t('common.close')} onClick={clear}>
        ×
      </button>
    </div>
  );
}

function Workspace() {
  const route = useStore((s) => s.route);
  switch (route.name) {
    case 'document':
      return <TranscriptView id={route.id} turn={route.turn} query={route.query} />;
    case 'participants':
      return <ParticipantsView />;
    case 'search':
      return <SearchView query={route.query} />;
    case 'codebook':
      return <CodebookView labelId={route.labelId} />;
    case 'retrieval':
      return <RetrievalView labelId={route.labelId} params={route.params} />;
    case 'memos':
      return <MemosView />;
    case 'round':
      return <RoundView round={route.round} />;
    case 'concepts':
      return <ConceptsView conceptId={route.conceptId} />;
    case 'matrix':
      return <MatrixView params={route.params} />;
    case 'scales':
      return <ScalesView params={route.params} />;
    case 'agreement':
      return <AgreementView params={route.params} />;
    case 'concept-map':
      return <ConceptMapView />;
    case 'learning-questions':
      return <LearningQuestionsView id={route.id} />;
    case 'tensions':
      return <TensionsView id={route.id} />;
    case 'report':
      return <OutlineView />;
    default:
      return <DocumentsView />;
  }
}

export function App() {
  const { t } = useTranslation();
  const ready = useStore((s) => s.ready);
  const project = useStore((s) => s.project);
  const route = useStore((s) => s.route);
  const boot = useStore((s) => s.boot);
  const syncRoute = useStore((s) => s.syncRoute);

  useEffect(() => {
    void boot();
    for (const round1 of [ProjectLayout, DocumentsView, TranscriptView]) round1.preload();
    window.addEventListener('popstate', syncRoute);
    // Every write's notice, this window's own echoed too: the data layer fetches again what a view
    // shows of the tables it changed, and takes each notice once.
    const stop = listenForChanges();
    showReadErrors((error) => useStore.getState().showError(error));
    return () => {
      window.removeEventListener('popstate', syncRoute);
      stop();
    };
  }, [boot, syncRoute]);

  if (!ready) {
    return (
      <div className="boot">
        <ErrorBanner />
        <p className="muted">{t('common.loading')}</p>
      </div>
    );
  }
  return (
    <>
      <ErrorBanner />
      <TaskBar />
      {project && route.name !== 'start' ? (
        <ProjectLayout>
          <Workspace />
        </ProjectLayout>
      ) : (
        <StartScreen />
      )}
    </>
  );
}

import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { describe } from './components/describe.ts';
import { CodebookView } from './features/codebook/CodebookView.tsx';
import { ConceptMapView } from './features/concept-map/ConceptMapView.tsx';
import { ConceptsView } from './features/concepts/ConceptsView.tsx';
import { DocumentsView } from './features/documents/DocumentsView.tsx';
import { LearningQuestionsView } from './features/learning-questions/LearningQuestionsView.tsx';
import { MatrixView } from './features/matrix/MatrixView.tsx';
import { MemosView } from './features/memos/MemosView.tsx';
import { OutlineView } from './features/outline/OutlineView.tsx';
import { RetrievalView } from './features/retrieval/RetrievalView.tsx';
import { ParticipantsView } from './features/participants/ParticipantsView.tsx';
import { ProjectLayout } from './features/project/ProjectLayout.tsx';
import { RoundView } from './features/rounds/RoundView.tsx';
import { SearchView } from './features/search/SearchView.tsx';
import { ScalesView } from './features/surveys/ScalesView.tsx';
import { StartScreen } from './features/start/StartScreen.tsx';
import { TensionsView } from './features/tensions/TensionsView.tsx';
import { TranscriptView } from './features/transcript/TranscriptView.tsx';
import { TaskBar } from './features/tasks/TaskBar.tsx';
import { listenForChanges, showReadErrors } from './data/index.ts';
import { useStore } from './store/index.ts';

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

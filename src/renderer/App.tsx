import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { describe } from './components/describe.ts';
import { Dialog } from './components/Dialog.tsx';
import { AutocodeDialog } from './features/coding/AutocodeDialog.tsx';
import { CodingPalette } from './features/coding/CodingPalette.tsx';
import { SegmentPanel } from './features/coding/SegmentPanel.tsx';
import { FlaggedPassages } from './features/transcript-edit/FlaggedPassages.tsx';
import { StartScreen } from './features/start/StartScreen.tsx';
import { TaskBar } from './features/tasks/TaskBar.tsx';
import { listenForChanges, showReadErrors } from './data/index.ts';
import { lazyComponent, preloadSoon } from './components/lazy.tsx';
import { useStore } from './store/index.ts';
// Round 1 — the project's frame, the transcripts and the reader — comes with the page beside the
// start screen (issue 19): opening a project waits for no code. The rest loads when opened.
import { ProjectLayout } from './features/project/ProjectLayout.tsx';
import { DocumentsView } from './features/documents/DocumentsView.tsx';
import { TranscriptView } from './features/transcript/TranscriptView.tsx';

const CodebookView = lazyComponent(() => import('./features/codebook/CodebookView.tsx').then((m) => m.CodebookView));
const ConceptMapView = lazyComponent(() => import('./features/concept-map/ConceptMapView.tsx').then((m) => m.ConceptMapView));
const ConceptsView = lazyComponent(() => import('./features/concepts/ConceptsView.tsx').then((m) => m.ConceptsView));
const LearningQuestionsView = lazyComponent(() => import('./features/learning-questions/LearningQuestionsView.tsx').then((m) => m.LearningQuestionsView));
const MatrixView = lazyComponent(() => import('./features/matrix/MatrixView.tsx').then((m) => m.MatrixView));
const MemosView = lazyComponent(() => import('./features/memos/MemosView.tsx').then((m) => m.MemosView));
const OutlineView = lazyComponent(() => import('./features/outline/OutlineView.tsx').then((m) => m.OutlineView));
const RetrievalView = lazyComponent(() => import('./features/retrieval/RetrievalView.tsx').then((m) => m.RetrievalView));
const ParticipantsView = lazyComponent(() => import('./features/participants/ParticipantsView.tsx').then((m) => m.ParticipantsView));
const RoundView = lazyComponent(() => import('./features/rounds/RoundView.tsx').then((m) => m.RoundView));
const SearchView = lazyComponent(() => import('./features/search/SearchView.tsx').then((m) => m.SearchView));
const ScalesView = lazyComponent(() => import('./features/surveys/ScalesView.tsx').then((m) => m.ScalesView));
const AgreementView = lazyComponent(() => import('./features/agreement/AgreementView.tsx').then((m) => m.AgreementView));
const TensionsView = lazyComponent(() => import('./features/tensions/TensionsView.tsx').then((m) => m.TensionsView));

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

  useEffect(() => {
    if (!project) return;
    // What round 1's screens open on a click — the coding palette, the segment panel, the dialogs'
    // frame — and with it the strings of the areas not in the first download.
    return preloadSoon([CodingPalette, SegmentPanel, FlaggedPassages, Dialog, AutocodeDialog]);
  }, [project]);

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

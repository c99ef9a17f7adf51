import { create } from 'zustand';
import type {
  AttributeDefinition,
  AttributeType,
  AttributeValue,
  DocumentDetail,
  DocumentSummary,
  DuplicatePolicy,
  ImportReport,
  Participant,
  ProjectEntry,
  ProjectInfo,
  SearchResult,
} from '../../shared/model.ts';
import { ApiError, call, fileToBase64 } from '../api/client.ts';
import { parseRoute, routeToHash, type Route } from './route.ts';
import type { Guarded } from './slice.ts';
import { createCodebookSlice, type CodebookSlice } from './slices/codebook.ts';
import { createCodingSlice, type CodingSlice } from './slices/coding.ts';
import { createMemosSlice, type MemosSlice } from './slices/memos.ts';
import { createRetrievalSlice, type RetrievalSlice } from './slices/retrieval.ts';
import { createAnalysisSlice, type AnalysisSlice } from './slices/analysis.ts';
import { createMatrixSlice, type MatrixSlice } from './slices/matrix.ts';
import { createOutlineSlice, type OutlineSlice } from './slices/outline.ts';

/**
 * One store built from slices. Only slice actions call the API; components read narrow selectors.
 */
interface ProjectSlice {
  project: ProjectInfo | null;
  projects: ProjectEntry[];
  ready: boolean;
  boot(): Promise<void>;
  loadProjects(): Promise<void>;
  createProject(title: string): Promise<void>;
  openProject(fileName: string): Promise<void>;
  chooseProject(mode: 'open' | 'create', title?: string): Promise<void>;
  closeProject(): Promise<void>;
  refreshProject(): Promise<void>;
}

interface DocumentsSlice {
  documents: DocumentSummary[];
  document: DocumentDetail | null;
  importing: boolean;
  report: ImportReport | null;
  lastUpload: { files: File[]; pseudonyms: File | null } | null;
  loadDocuments(): Promise<void>;
  loadDocument(id: string): Promise<void>;
  importFiles(files: File[], pseudonyms: File | null, onDuplicate?: DuplicatePolicy): Promise<void>;
  dismissReport(): void;
}

interface ParticipantsSlice {
  participants: Participant[];
  attributes: AttributeDefinition[];
  loadParticipants(): Promise<void>;
  updateParticipant(id: string, patch: { name?: string; attributes?: Record<string, AttributeValue | null> }): Promise<void>;
  createAttribute(name: string, type: AttributeType): Promise<void>;
}

interface SearchSlice {
  search: { query: string; result: SearchResult | null; busy: boolean };
  runSearch(query: string): Promise<void>;
}

interface UiSlice {
  route: Route;
  error: { message: string; code?: string; params?: Record<string, string | number> } | null;
  navigate(route: Route): void;
  syncRoute(): void;
  showError(error: unknown): void;
  clearError(): void;
}

export type State = ProjectSlice & DocumentsSlice & ParticipantsSlice & SearchSlice & UiSlice & CodingSlice & MemosSlice & RetrievalSlice & CodebookSlice & AnalysisSlice & MatrixSlice & OutlineSlice;

const RECENT_KEY = 'duiding.recent';

export function recentProjects(): string[] {
  try {
    return JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]') as string[];
  } catch {
    return [];
  }
}

function remember(fileName: string): void {
  localStorage.setItem(RECENT_KEY, JSON.stringify([fileName, ...recentProjects().filter((f) => f !== fileName)].slice(0, 8)));
}

export const useStore = create<State>()((set, get) => {
  const guarded: Guarded =
    <A extends unknown[]>(action: (...args: A) => Promise<void>) =>
    async (...args: A) => {
      try {
        await action(...args);
      } catch (error) {
        get().showError(error);
      }
    };

  const enterProject = async (project: ProjectInfo) => {
    remember(project.path.split(/[\\/]/).pop()!);
    set({ project, document: null, report: null, search: { query: '', result: null, busy: false } });
    set({ segments: [], segmentsOf: null, selectedSegmentId: null, recentLabelIds: [] });
    set({ memos: [], memosVersion: null });
    const [history] = await Promise.all([call('history/state', {}), get().loadDocuments(), get().loadParticipants(), get().loadLabels()]);
    set({ history: { ...history, summary: null } });
  };

  return {
    ...createCodingSlice(set, get, guarded),
    ...createCodebookSlice(set, get, guarded),
    ...createMemosSlice(set, get, guarded),
    ...createRetrievalSlice(set, get, guarded),
    ...createAnalysisSlice(set, get, guarded),
    ...createMatrixSlice(set, get, guarded),
    ...createOutlineSlice(set, get, guarded),
    // project
    project: null,
    projects: [],
    ready: false,
    boot: guarded(async () => {
      // Who is coding and which project is open do not depend on each other: asked at once.
      const [, project] = await Promise.all([get().loadCoder(), call('project/current', {})]);
      if (project) await enterProject(project);
      else await get().loadProjects();
      set({ ready: true });
      const route = parseRoute(window.location.hash);
      get().navigate(project ? (route.name === 'start' ? { name: 'documents' } : route) : { name: 'start' });
    }),
    loadProjects: guarded(async () => set({ projects: await call('projects/list', {}) })),
    createProject: guarded(async (title: string) => {
      const fileName = title
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-|-$/g, '')
        .toLowerCase();
      await enterProject(await call('project/create', { path: fileName || 'project', title }));
      get().navigate({ name: 'documents' });
    }),
    openProject: guarded(async (fileName: string) => {
      await enterProject(await call('project/open', { path: fileName }));
      get().navigate({ name: 'documents' });
    }),
    chooseProject: guarded(async (mode: 'open' | 'create', title?: string) => {
      const project = await call('project/choose', { mode, title });
      if (!project) return;
      await enterProject(project);
      get().navigate({ name: 'documents' });
    }),
    closeProject: guarded(async () => {
      await call('project/close', {});
      set({ project: null, documents: [], participants: [], document: null });
      await get().loadProjects();
      get().navigate({ name: 'start' });
    }),
    refreshProject: guarded(async () => set({ project: await call('project/info', {}) })),

    // documents
    documents: [],
    document: null,
    importing: false,
    report: null,
    lastUpload: null,
    loadDocuments: guarded(async () => set({ documents: await call('documents/list', {}) })),
    loadDocument: guarded(async (id: string) => {
      if (get().document?.id === id) return;
      set({ document: null });
      set({ document: await call('documents/get', { id }) });
    }),
    importFiles: guarded(async (files: File[], pseudonyms: File | null, onDuplicate?: DuplicatePolicy) => {
      if (files.length === 0) return;
      set({ importing: true, lastUpload: { files, pseudonyms } });
      try {
        const uploads = await Promise.all(files.map(async (file) => ({ name: file.name, base64: await fileToBase64(file) })));
        const report = await call('documents/import', {
          files: uploads,
          pseudonyms: pseudonyms ? { name: pseudonyms.name, base64: await fileToBase64(pseudonyms) } : undefined,
          onDuplicate,
        });
        set({ report });
        await Promise.all([get().loadDocuments(), get().loadParticipants(), get().refreshProject()]);
      } finally {
        set({ importing: false });
      }
    }),
    dismissReport: () => set({ report: null }),

    // participants
    participants: [],
    attributes: [],
    loadParticipants: guarded(async () => set(await call('participants/list', {}))),
    updateParticipant: guarded(async (id, patch) => {
      await call('participants/update', { id, ...patch });
      await Promise.all([get().loadParticipants(), get().loadDocuments()]);
    }),
    createAttribute: guarded(async (name, type) => {
      await call('attributes/create', { name, type });
      await get().loadParticipants();
    }),

    // search
    search: { query: '', result: null, busy: false },
    runSearch: guarded(async (query: string) => {
      set({ search: { query, result: get().search.result, busy: true } });
      try {
        const result = await call('search/query', { query, limit: 200 });
        if (get().search.query === query) set({ search: { query, result, busy: false } });
      } finally {
        if (get().search.query === query) set((s) => ({ search: { ...s.search, busy: false } }));
      }
    }),

    // ui
    route: parseRoute(window.location.hash),
    error: null,
    navigate(route) {
      const hash = routeToHash(route);
      if (window.location.hash !== hash) window.history.pushState(null, '', hash);
      set({ route });
    },
    syncRoute: () => set({ route: parseRoute(window.location.hash) }),
    showError(error) {
      set({ error: error instanceof ApiError ? { message: error.message, code: error.code, params: error.params } : { message: error instanceof Error ? error.message : String(error) } });
    },
    clearError: () => set({ error: null }),
  };
});

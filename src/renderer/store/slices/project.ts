import type { ProjectInfo } from '../../../shared/model.ts';
import { act, read, resetData, write } from '../../data/index.ts';
import { parseRoute } from '../route.ts';
import type { SliceCreator } from '../slice.ts';

/**
 * Which project is open (the page's session; its lists are reads of the data layer), and opening,
 * creating and closing one. Every switch empties the data layer: nothing held answers for another file.
 */
export interface ProjectSlice {
  project: ProjectInfo | null;
  ready: boolean;
  boot(): Promise<void>;
  createProject(title: string): Promise<void>;
  openProject(fileName: string): Promise<void>;
  chooseProject(mode: 'open' | 'create', title?: string): Promise<void>;
  closeProject(): Promise<void>;
}

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

export const createProjectSlice: SliceCreator<ProjectSlice> = (set, get, guarded) => {
  const enterProject = (project: ProjectInfo) => {
    remember(project.path.split(/[\\/]/).pop()!);
    resetData();
    set({ project, report: null, selectedSegmentId: null, recentLabelIds: [], pendingCoding: null, coderFilter: null });
  };
  return {
    project: null,
    ready: false,
    boot: guarded(async () => {
      // Who is coding and which project is open do not depend on each other: asked at once.
      const [, project] = await Promise.all([get().loadCoder(), read('project/current', {})]);
      if (project) enterProject(project);
      set({ ready: true });
      const route = parseRoute(window.location.hash);
      get().navigate(project ? (route.name === 'start' ? { name: 'documents' } : route) : { name: 'start' });
    }),
    createProject: guarded(async (title: string) => {
      const fileName = title
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-|-$/g, '')
        .toLowerCase();
      enterProject(await write('project/create', { path: fileName || 'project', title }));
      get().navigate({ name: 'documents' });
    }),
    openProject: guarded(async (fileName: string) => {
      enterProject(await write('project/open', { path: fileName }));
      get().navigate({ name: 'documents' });
    }),
    chooseProject: guarded(async (mode: 'open' | 'create', title?: string) => {
      const project = await act('project/choose', { mode, title });
      if (!project) return;
      enterProject(project);
      get().navigate({ name: 'documents' });
    }),
    closeProject: guarded(async () => {
      await write('project/close', {});
      set({ project: null });
      get().navigate({ name: 'start' });
      // Once the project's screens have unmounted (React renders the store change in a microtask):
      // reset before, every mounted read asked the core again, which has no project any more
      // ("No project is open." over the start screen).
      await new Promise((resolve) => setTimeout(resolve, 0));
      resetData();
    }),
  };
};

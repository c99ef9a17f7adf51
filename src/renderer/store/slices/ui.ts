import type { SpeakerScope } from '../../../shared/model.ts';
import { ApiError } from '../../data/index.ts';
import { parseRoute, routeToHash, type Route } from '../route.ts';
import type { SliceCreator } from '../slice.ts';

/** Where the user is (the route, kept in the address) and the error banner. */
export interface UiSlice {
  route: Route;
  error: { message: string; code?: string; params?: Record<string, string | number> } | null;
  navigate(route: Route): void;
  syncRoute(): void;
  showError(error: unknown): void;
  clearError(): void;
  /** Whose speech the codebook's and the concepts' counts take in: the participants' (the default) or the interviewer's too. One switch for both lists. */
  listSpeakers: SpeakerScope;
  setListSpeakers(scope: SpeakerScope): void;
}

export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
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
  listSpeakers: 'participants',
  setListSpeakers: (listSpeakers) => set({ listSpeakers }),
});

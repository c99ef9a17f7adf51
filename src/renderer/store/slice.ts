import type { StoreApi } from 'zustand';
import type { State } from './index.ts';

/**
 * A slice of the one store: its state and actions, written against the whole store so actions can
 * read and call each other. `guarded` wraps an async action so that a failure shows in the error banner.
 */
export type Guarded = <A extends unknown[]>(action: (...args: A) => Promise<void>) => (...args: A) => Promise<void>;

export type SliceCreator<T> = (set: StoreApi<State>['setState'], get: () => State, guarded: Guarded) => T;

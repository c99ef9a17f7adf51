/**
 * What a change event makes the window fetch again. The documents and participants lists (a
 * thousand rows in a large project) change only with documents, participants, attributes, imports
 * and undo/redo; writes to the codebook, codings and the analysis rounds leave them alone. Unknown
 * actions reload everything, so that a new kind of write is never missed.
 */
const LEAVES_LISTS = ['codings/', 'segments/', 'labels/', 'codebook/', 'guide/', 'memos/', 'concepts/', 'links/', 'relations/', 'map/', 'learningQuestions/', 'tensions/', 'outline/'];

/** Writes whose store action refreshes the window itself (through `afterWrite`) right after the reply. */
const SELF_REFRESHING = new Set(['codings/apply', 'codings/remove', 'codings/autocode', 'segments/resize', 'labels/create', 'labels/update', 'labels/merge', 'labels/delete', 'history/undo', 'history/redo']);

export interface Reload {
  documents: boolean;
  participants: boolean;
  afterWrite: boolean;
}

export function reloadFor(action: string, own: boolean): Reload {
  const lists = !LEAVES_LISTS.some((prefix) => action.startsWith(prefix));
  return { documents: lists, participants: lists, afterWrite: !(own && SELF_REFRESHING.has(action)) };
}

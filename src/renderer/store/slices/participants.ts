import type { AttributeType, AttributeValue } from '../../../shared/model.ts';
import { write } from '../../data/index.ts';
import type { SliceCreator } from '../slice.ts';

/** Changes to participants and their attributes; the list itself is a read (`participants/list`). */
export interface ParticipantsSlice {
  updateParticipant(id: string, patch: { name?: string; attributes?: Record<string, AttributeValue | null> }): Promise<void>;
  createAttribute(name: string, type: AttributeType): Promise<void>;
}

export const createParticipantsSlice: SliceCreator<ParticipantsSlice> = (_set, _get, guarded) => ({
  updateParticipant: guarded(async (id, patch) => {
    await write('participants/update', { id, ...patch });
  }),
  createAttribute: guarded(async (name, type) => {
    await write('attributes/create', { name, type });
  }),
});

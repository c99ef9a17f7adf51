import type { Matrix, MatrixColumns, MatrixFilter, MatrixRows, Quote } from '../../../shared/analysis.ts';
import { call } from '../../api/client.ts';
import type { SliceCreator } from '../slice.ts';
import { dataKey } from './analysis.ts';

export interface MatrixRequest {
  rows: MatrixRows;
  by: MatrixColumns;
  groupBy?: string;
  filter?: MatrixFilter;
}

export interface MatrixCellRequest {
  rows: MatrixRows;
  rowId: string;
  by: MatrixColumns;
  columnId: string | null;
}

/**
 * The commonalities matrix and the quotes of one of its cells. Both depend on every coding, so each
 * remembers the request and data version it answers; views ask again in an effect on `dataVersion`.
 */
export interface MatrixSlice {
  matrix: { key: string | null; result: Matrix | null; busy: boolean };
  matrixCell: { key: string | null; request: MatrixCellRequest | null; quotes: Quote[] | null };
  loadMatrix(request: MatrixRequest): Promise<void>;
  loadMatrixCell(request: MatrixCellRequest | null): Promise<void>;
}

export const createMatrixSlice: SliceCreator<MatrixSlice> = (set, get, guarded) => ({
  matrix: { key: null, result: null, busy: false },
  matrixCell: { key: null, request: null, quotes: null },
  loadMatrix: guarded(async (request) => {
    const key = `${dataKey(get())}:${JSON.stringify(request)}`;
    if (get().matrix.key === key) return;
    set((s) => ({ matrix: { ...s.matrix, key, busy: true } }));
    try {
      const result = await call('matrix/get', request);
      if (get().matrix.key === key) set({ matrix: { key, result, busy: false } });
    } catch (error) {
      if (get().matrix.key === key) set((s) => ({ matrix: { ...s.matrix, key: null, busy: false } }));
      throw error;
    }
  }),
  loadMatrixCell: guarded(async (request) => {
    if (!request) {
      set({ matrixCell: { key: null, request: null, quotes: null } });
      return;
    }
    const key = `${dataKey(get())}:${JSON.stringify(request)}`;
    if (get().matrixCell.key === key) return;
    const same = JSON.stringify(get().matrixCell.request) === JSON.stringify(request);
    set((s) => ({ matrixCell: { key, request, quotes: same ? s.matrixCell.quotes : null } }));
    const quotes = await call('matrix/cell', request);
    if (get().matrixCell.key === key) set({ matrixCell: { key, request, quotes } });
  }),
});

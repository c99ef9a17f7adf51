import type { FeatureHandlers } from '../handlers.ts';
import { computeMatrix, matrixCell } from './service.ts';

/** Round 2's matrix: concepts or labels against documents, participants or attributes, and one cell's passages. */
export const matrixHandlers = {
  'matrix/get': (session, args) => computeMatrix(session.project.db, args),
  'matrix/cell': (session, args) => matrixCell(session.project.db, args),
} satisfies FeatureHandlers;

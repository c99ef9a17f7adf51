import type { AgreementHandlerName } from '../../../shared/api/names-agreement.ts';
import type { HandlerMap } from '../handlers.ts';
import { computeAgreement, listDifferences } from './compute.ts';
import { decide } from './decide.ts';

/** Agreement between coders and the consensus round (issue 26); registered into the handler map (handlers.ts). */
export const agreementHandlers: HandlerMap<AgreementHandlerName> = {
  'agreement/compute': (session, args) => computeAgreement(session.project.db, args),
  'agreement/differences': (session, args) => listDifferences(session.project.db, args),
  'agreement/decide': (session, args) => decide(session.project, args),
  // The writers (docx, exceljs) load on first use, as the other exports do.
  'agreement/export': async (session, args) => (await import('./export.ts')).exportAgreement(session.project, args),
};

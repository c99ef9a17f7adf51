import { resolve } from 'node:path';
import { AGREEMENT_UNITS, type AgreementFigures, type AgreementResult, type AgreementUnit } from '../../../shared/agreement.ts';
import { DuidingError } from '../../../shared/errors.ts';
import type { ExportResult } from '../../../shared/exports.ts';
import { SPEAKER_SCOPES, type DocumentSummary, type SpeakerScope } from '../../../shared/model.ts';
import { dispatch } from '../../core/handlers.ts';
import type { Session } from '../../core/session.ts';

/** `duiding agreement …` (issue 26). */
interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface AgreementOptions {
  coders?: string;
  unit?: string;
  labels?: string;
  documents?: string;
  speakers?: string;
  out?: string;
  json: boolean;
}

const list = (value: string | undefined) =>
  value === undefined
    ? undefined
    : value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) throw new DuidingError(`--${option} must be one of: ${allowed.join(', ')} (got "${value}").`, 'usage');
  return value as T;
}

/** Label names (case ignored, a path "Parent > Child" not needed: names are looked up anywhere in the codebook) to ids. */
async function labelIds(session: Session, names: string[] | undefined): Promise<string[] | undefined> {
  if (!names) return undefined;
  const labels = (await dispatch(session, 'labels/list', {})) as Array<{ id: string; name: string }>;
  return names.map((name) => {
    const lower = name.toLocaleLowerCase('nl');
    const found = labels.find((l) => l.id === name) ?? labels.find((l) => l.name.toLocaleLowerCase('nl') === lower);
    if (!found) throw new DuidingError(`There is no label "${name}"; see the codebook (\`duiding export FILE --report codebook\`).`, 'usage');
    return found.id;
  });
}

async function documentIds(session: Session, names: string[] | undefined): Promise<string[] | undefined> {
  if (!names) return undefined;
  const documents = (await dispatch(session, 'documents/list', {})) as DocumentSummary[];
  return names.map((name) => {
    const lower = name.toLocaleLowerCase('nl');
    const found = documents.find((d) => d.id === name) ?? documents.find((d) => d.name.toLocaleLowerCase('nl') === lower);
    if (!found) throw new DuidingError(`There is no document "${name}"; the documents are: ${documents.map((d) => d.name).join(', ') || 'none yet'}.`, 'usage');
    return found.id;
  });
}

const fixed = (value: number | null, digits = 3) => (value === null ? '–' : value.toFixed(digits));
const pct = (value: number | null) => (value === null ? '–' : `${(value * 100).toFixed(1)} %`);

function printTable(result: AgreementResult, out: Output): void {
  const unitWord = { turn: 'turn', sentence: 'sentence', character: 'character' }[result.unit];
  out.stdout(`Agreement at ${unitWord} level, ${result.speakers === 'all' ? "everyone's speech" : "participants' speech only"}`);
  out.stdout(`Coders: ${result.coders.map((c) => `${c.name} (${c.codings} codings in ${c.documents} documents)`).join(', ')}`);
  out.stdout(`Documents (${result.documents.length}): ${result.documents.map((d) => d.name).join(', ') || 'none'}`);
  const alpha = result.unit === 'character' ? 'uα' : 'α';
  const width = Math.min(40, Math.max(8, ...result.labels.map((l) => l.label.length)));
  const line = (name: string, f: AgreementFigures) =>
    `${name.slice(0, width).padEnd(width)}  ${pct(f.percent).padStart(8)}  ${fixed(f.kappa).padStart(6)}  ${fixed(f.alpha).padStart(6)}  ${String(f.units).padStart(8)}  ${String(f.differences).padStart(5)}`;
  out.stdout('');
  out.stdout(`${'Label'.padEnd(width)}  ${'agree'.padStart(8)}  ${'κ'.padStart(6)}  ${alpha.padStart(6)}  ${(result.unit === 'character' ? 'chars' : 'units').padStart(8)}  ${'diff'.padStart(5)}`);
  for (const label of result.labels) out.stdout(line(label.label, label));
  out.stdout(line('Overall', result.overall));
  if (result.settled > 0) out.stdout(`\nAfter the consensus round (${result.settled} settled): ${pct(result.after.overall.percent)}, κ ${fixed(result.after.overall.kappa)}, ${alpha} ${fixed(result.after.overall.alpha)}`);
  for (const note of result.notes) out.stdout(`note: ${note}`);
}

/**
 * `duiding agreement FILE [--coders A,B] [--unit turn|sentence|character] [--labels L1,L2]
 * [--speakers participants|all] [--json]`. `--json` keeps the shape the issue promises:
 * `{ unit, coders, documents, overall: { percent, kappa, alpha }, labels: [{ label, percent, kappa, alpha }] }`.
 */
export async function agreementCommand(session: Session, file: string, options: AgreementOptions, out: Output): Promise<number> {
  const unit: AgreementUnit = oneOf(options.unit, AGREEMENT_UNITS, 'unit') ?? 'sentence';
  const speakers: SpeakerScope = oneOf(options.speakers, SPEAKER_SCOPES, 'speakers') ?? 'participants';
  let format: 'xlsx' | 'docx' | null = null;
  if (options.out !== undefined) {
    const lower = options.out.toLowerCase();
    format = lower.endsWith('.xlsx') ? 'xlsx' : lower.endsWith('.docx') ? 'docx' : null;
    if (!format) throw new DuidingError(`--out must end in .xlsx or .docx (got ${options.out}).`, 'usage');
  }
  session.open(file, true);
  const query = {
    coders: list(options.coders),
    unit,
    speakers,
    labelIds: await labelIds(session, list(options.labels)),
    documentIds: await documentIds(session, list(options.documents)),
  };
  if (format) {
    const result = (await dispatch(session, 'agreement/export', { ...query, format, language: 'en', out: resolve(options.out!) })) as ExportResult;
    if (options.json) out.stdout(JSON.stringify(result, null, 2));
    else out.stdout(`Wrote ${result.path} (${result.bytes.toLocaleString('en-US')} bytes).`);
    return 0;
  }
  const result = (await dispatch(session, 'agreement/compute', query)) as AgreementResult;
  if (options.json) {
    const figures = (f: AgreementFigures) => ({ percent: f.percent, kappa: f.kappa, alpha: f.alpha });
    out.stdout(
      JSON.stringify(
        {
          unit: result.unit,
          coders: result.coders.map((c) => c.name),
          documents: result.documents.map((d) => d.name),
          overall: figures(result.overall),
          labels: result.labels.map((l) => ({ label: l.label, ...figures(l) })),
        },
        null,
        2,
      ),
    );
  } else printTable(result, out);
  return 0;
}

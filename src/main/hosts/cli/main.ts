import { existsSync, mkdirSync, statSync } from 'node:fs';
import { cancelAll } from '../../core/tasks.ts';
import { userInfo } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DuidingError, isDuidingError } from '../../../shared/errors.ts';
import {
  AUTOCODE_SCOPES,
  SPEAKER_ROLES,
  DOCUMENT_KINDS,
  SPEAKER_SCOPES,
  type AutocodeQuery,
  type AutocodeResult,
  type DocumentSpeakers,
  type DocumentSummary,
  type ImportReport,
  type Participant,
  type ProjectInfo,
  type SearchResult,
} from '../../../shared/model.ts';
import { formatTimecode } from '../../../shared/text/timecode.ts';
import { EXPORT_FORMATS, EXPORT_REPORTS, type ExportResult } from '../../../shared/exports.ts';
import { parseAttribution, REPORT_LANGUAGES, VERBATIM_NOTES, type Attribution } from '../../../shared/report-document.ts';
import { dispatch } from '../../core/handlers.ts';
import { Session } from '../../core/session.ts';
import { explainStorageError } from '../../core/db/storage-errors.ts';
import { exportInterchange, importQdpxCommand, isQdpx, newFromQdpx } from './interchange.ts';
import { namesCommand, pseudonymiseCommand } from './pseudonymise.ts';
import { backupsCommand, copyCommand, removeCommand } from './protect.ts';
import { mergeCommand } from './merge.ts';
import { importSurveyCommand, scalesCommand } from './surveys.ts';
import { agreementCommand } from './agreement.ts';

/**
 * `duiding …`: a thin transport over the core handlers. Exit 0 on success, 1 when the input or the
 * project is at fault (reason on stderr), 2 for a wrong combination of options (valid ones listed).
 */
interface Command {
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(session: Session, positionals: string[], values: Record<string, unknown>, out: Output, options: OptionToken[]): Promise<number>;
}

/** An option as given on the command line, in order (for options whose order matters, like --subtitle). */
export interface OptionToken {
  name: string;
  value: string | undefined;
}

export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

const coderOption = { coder: { type: 'string' } } as const;
const jsonOption = { json: { type: 'boolean' } } as const;

function need(positionals: string[], count: number, usage: string): void {
  if (positionals.length < count) throw new DuidingError(`Missing arguments. Usage: ${usage}`, 'usage');
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], option: string): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) {
    throw new DuidingError(`--${option} must be one of: ${allowed.join(', ')} (got "${String(value)}").`, 'usage');
  }
  return value as T;
}

function printNotices(session: Session, out: Output): void {
  for (const notice of session.project.notices) out.stderr(`notice: ${notice}`);
}

const n = (value: number) => value.toLocaleString('en-US');

function printImport(report: ImportReport, out: Output): void {
  for (const p of report.participants) {
    if (p.status === 'imported') {
      out.stdout(`✓ ${p.file}: ${p.created} new and ${p.updated} updated participants; attributes: ${p.attributes.map((a) => `${a.name} (${a.type})`).join(', ') || 'none'}`);
    } else out.stderr(`✗ ${p.message}`);
  }
  for (const f of report.files) {
    if (f.status === 'imported') {
      const who = f.participant ? `; participant ${f.participant}` : '';
      const unsure = f.rolesUnconfirmed ? ' (roles unconfirmed: see `duiding speakers`)' : '';
      out.stdout(`✓ ${f.file} → "${f.name}": ${n(f.turns ?? 0)} turns, ${n(f.words ?? 0)} words; speakers: ${f.speakers?.join(', ') || 'none'}${unsure}${who}`);
      const replaced = f.replacements ?? [];
      if (replaced.length) out.stdout(`    pseudonyms: ${replaced.map((r) => `${r.name} → ${r.pseudonym} ×${r.count}`).join(', ')}`);
      for (const note of f.notes ?? []) out.stdout(`    note: ${note}`);
    } else if (f.status === 'skipped') out.stdout(`– skipped: ${f.message}`);
    else out.stderr(`✗ ${f.message}`);
  }
  out.stdout(`Imported ${report.imported}, skipped ${report.skipped}, failed ${report.failed}.`);
}

function printInfo(info: ProjectInfo, out: Output): void {
  const rows: Array<[string, string | number]> = [
    ['Project', info.title],
    ['File', info.path],
    ['Created', info.createdAt],
    ['Format', info.formatVersion],
    ['Documents', n(info.documents)],
    ['Participants', n(info.participants)],
    ['Turns', n(info.turns)],
    ['Words', n(info.words)],
    ['Labels', n(info.labels)],
    ['Segments', n(info.segments)],
    ['Codings', n(info.codings)],
    ['Concepts', n(info.concepts)],
    ['Learning questions', n(info.learningQuestions)],
    ['Tensions', n(info.tensions)],
  ];
  for (const [key, value] of rows) out.stdout(`${key.padEnd(19)}${value}`);
}

function printSearch(result: SearchResult, out: Output): void {
  if (result.total === 0) {
    out.stdout(`No hits for "${result.query}".`);
    return;
  }
  out.stdout(`${n(result.total)} turn${result.total === 1 ? '' : 's'} match "${result.query}"${result.hits.length < result.total ? ` (showing ${result.hits.length})` : ''}:`);
  for (const hit of result.hits) {
    const where = [hit.documentName, hit.participantName, hit.speaker, hit.startMs === null ? null : formatTimecode(hit.startMs), hit.page === null ? null : `p. ${hit.page}`, `turn ${hit.turnPosition + 1}`]
      .filter(Boolean)
      .join(' · ');
    const context = hit.snippet.map((part) => (part.hit ? `[${part.text}]` : part.text)).join('').replace(/\s+/g, ' ');
    out.stdout(`\n${where}\n    ${context}`);
  }
}

const exportOptions = {
  report: { type: 'string' },
  attribution: { type: 'string' },
  language: { type: 'string' },
  toc: { type: 'boolean' },
  'quotation-marks': { type: 'boolean' },
  verbatim: { type: 'string' },
  definitions: { type: 'boolean' },
  counts: { type: 'boolean' },
  matrix: { type: 'string' },
  by: { type: 'string' },
  group: { type: 'string' },
  speakers: { type: 'string' },
  title: { type: 'string' },
  subtitle: { type: 'string', multiple: true },
  authors: { type: 'string', multiple: true },
  date: { type: 'string' },
} as const;

const TITLE_FLAGS = { title: 'title', subtitle: 'subtitle', authors: 'author', date: 'date' } as const;

/** --title, --subtitle…, --authors…, --date as title-block lines, in the order given; the core puts them in place of the kept ones. */
function titleLinesOf(tokens: OptionToken[]): Array<{ kind: (typeof TITLE_FLAGS)[keyof typeof TITLE_FLAGS]; text: string }> | undefined {
  const lines = tokens.filter((t) => t.name in TITLE_FLAGS).map((t) => ({ kind: TITLE_FLAGS[t.name as keyof typeof TITLE_FLAGS], text: t.value ?? '' }));
  return lines.length ? lines : undefined;
}

/** `export`'s options for the report formats, checked here so that a wrong value names its option. */
function reportExportArgs(values: Record<string, unknown>, format: string, tokens: OptionToken[]) {
  const report = oneOf(values.report, EXPORT_REPORTS, 'report') ?? 'themes';
  const checkedFormat = oneOf(format, EXPORT_FORMATS, 'format')!;
  let attribution: Attribution | undefined;
  if (values.attribution !== undefined) {
    attribution = parseAttribution(String(values.attribution)) ?? undefined;
    if (!attribution) throw new DuidingError(`--attribution must be one of: none, participant, attrs:KEY,KEY, source, full (got "${String(values.attribution)}").`, 'usage');
  }
  return {
    report,
    format: checkedFormat,
    options: {
      attribution,
      language: oneOf(values.language, REPORT_LANGUAGES, 'language'),
      toc: values.toc as boolean | undefined,
      quotationMarks: values['quotation-marks'] as boolean | undefined,
      verbatimNotes: oneOf(values.verbatim, VERBATIM_NOTES, 'verbatim'),
      includeDefinitions: values.definitions as boolean | undefined,
      includeCounts: values.counts as boolean | undefined,
      titleLines: titleLinesOf(tokens),
      matrix: {
        rows: oneOf(values.matrix, ['concepts', 'labels'] as const, 'matrix'),
        by: oneOf(values.by, ['participant', 'document'] as const, 'by'),
        groupBy: values.group as string | undefined,
      },
      speakers: oneOf(values.speakers, SPEAKER_SCOPES, 'speakers'),
    },
  };
}

async function listOf(session: Session): Promise<DocumentSummary[]> {
  return (await dispatch(session, 'documents/list', {})) as DocumentSummary[];
}

/** A document by name (case ignored) or id. */
function findDocument(documents: DocumentSummary[], wanted: string): DocumentSummary {
  const lower = wanted.toLocaleLowerCase('nl');
  const found = documents.find((d) => d.id === wanted) ?? documents.find((d) => d.name.toLocaleLowerCase('nl') === lower);
  if (!found) throw new DuidingError(`There is no document "${wanted}"; the documents are: ${documents.map((d) => d.name).join(', ') || 'none yet'}.`);
  return found;
}

const DUPLICATE = ['skip', 'add', 'fail'] as const;
const KINDS = DOCUMENT_KINDS;

const commands: Record<string, Command> = {
  new: {
    usage: 'duiding new FILE [--title T] [--from PROJECT.qdpx] [--coder NAME]',
    options: { title: { type: 'string' }, from: { type: 'string' }, ...coderOption, ...jsonOption },
    async run(session, [file], values, out) {
      if (values.from !== undefined) return newFromQdpx(session, file!, values.from as string, values.title as string | undefined, Boolean(values.json), out);
      const info = (await dispatch(session, 'project/create', { path: file, title: values.title })) as ProjectInfo;
      if (values.json) out.stdout(JSON.stringify(info, null, 2));
      else out.stdout(`Created ${info.path} (project "${info.title}").`);
      return 0;
    },
  },
  import: {
    usage:
      'duiding import FILE PATH… [--participant NAME] [--kind interview|questionnaire|observation|literature|other] ' +
      '[--pseudonyms LIST.csv] [--on-duplicate skip|add|fail] [--coder NAME] [--json]\n' +
      '  duiding import FILE SURVEY.(csv|xlsx) --survey [--plan FILE.json] [--dry-run] [--pseudonyms LIST.csv] [--coder NAME] [--json]',
    options: {
      survey: { type: 'boolean' },
      plan: { type: 'string' },
      'dry-run': { type: 'boolean' },
      participant: { type: 'string' },
      kind: { type: 'string' },
      pseudonyms: { type: 'string' },
      'on-duplicate': { type: 'string' },
      ...coderOption,
      ...jsonOption,
    },
    async run(session, [file, ...paths], values, out) {
      need(paths, 1, commands.import!.usage);
      if (values.survey) {
        const wrong = ['participant', 'kind', 'on-duplicate'].filter((k) => values[k] !== undefined);
        if (wrong.length) throw new DuidingError(`--${wrong.join(', --')} do not go with --survey; with --survey: --plan, --dry-run, --pseudonyms, --json.`, 'usage');
        return importSurveyCommand(
          session,
          file!,
          paths,
          { plan: values.plan as string | undefined, dryRun: Boolean(values['dry-run']), pseudonyms: values.pseudonyms as string | undefined, json: Boolean(values.json) },
          out,
        );
      }
      if (values.plan !== undefined || values['dry-run']) throw new DuidingError('--plan and --dry-run go with --survey.', 'usage');
      const kind = oneOf(values.kind, KINDS, 'kind');
      const onDuplicate = oneOf(values['on-duplicate'], DUPLICATE, 'on-duplicate');
      session.open(file!);
      printNotices(session, out);
      if (paths.some(isQdpx)) return importQdpxCommand(session, paths, Boolean(values.json), out);
      const report = (await dispatch(session, 'documents/import', {
        files: paths.map((path) => ({ path })),
        participant: values.participant,
        kind,
        pseudonyms: values.pseudonyms === undefined ? undefined : { path: values.pseudonyms },
        onDuplicate,
      })) as ImportReport;
      if (values.json) out.stdout(JSON.stringify(report, null, 2));
      else printImport(report, out);
      return report.failed > 0 || report.participants.some((p) => p.status === 'failed') ? 1 : 0;
    },
  },
  info: {
    usage: 'duiding info FILE [--json]',
    options: { ...jsonOption },
    async run(session, [file], values, out) {
      session.open(file!, true);
      const info = (await dispatch(session, 'project/info', {})) as ProjectInfo;
      if (values.json) out.stdout(JSON.stringify(info, null, 2));
      else printInfo(info, out);
      return 0;
    },
  },
  search: {
    usage: 'duiding search FILE QUERY [--limit N] [--json]',
    options: { limit: { type: 'string' }, ...jsonOption },
    async run(session, [file, ...words], values, out) {
      need(words, 1, commands.search!.usage);
      const limit = values.limit === undefined ? undefined : Number(values.limit);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 1000)) {
        throw new DuidingError('--limit must be a whole number from 1 to 1000.', 'usage');
      }
      session.open(file!, true);
      const result = (await dispatch(session, 'search/query', { query: words.join(' '), limit })) as SearchResult;
      if (values.json) out.stdout(JSON.stringify(result, null, 2));
      else printSearch(result, out);
      return 0;
    },
  },
  autocode: {
    usage:
      'duiding autocode FILE --label NAME (--text T | --regex R | --speaker S) [--scope match|sentence|turn] [--speakers participants|all] ' +
      '[--coder NAME] [--json]',
    options: {
      label: { type: 'string' },
      text: { type: 'string' },
      regex: { type: 'string' },
      speaker: { type: 'string' },
      scope: { type: 'string' },
      speakers: { type: 'string' },
      ...coderOption,
      ...jsonOption,
    },
    async run(session, [file], values, out) {
      const scope = oneOf(values.scope, AUTOCODE_SCOPES, 'scope') ?? 'sentence';
      const speakers = oneOf(values.speakers, SPEAKER_SCOPES, 'speakers') ?? 'participants';
      const label = values.label as string | undefined;
      if (!label) throw new DuidingError('--label NAME is required.', 'usage');
      const given = (['text', 'regex', 'speaker'] as const).filter((k) => values[k] !== undefined);
      if (given.length !== 1) throw new DuidingError('Give exactly one of --text, --regex or --speaker.', 'usage');
      const kind = given[0]!;
      const query = { [kind]: values[kind] as string } as AutocodeQuery;
      session.open(file!);
      printNotices(session, out);
      const result = (await dispatch(session, 'codings/autocode', { labelName: label, query, scope, speakers })) as AutocodeResult;
      if (values.json) out.stdout(JSON.stringify(result, null, 2));
      else {
        out.stdout(
          `Coded ${n(result.coded)} segment${result.coded === 1 ? '' : 's'} with "${result.label.name}" ` +
            `(${n(result.hits)} hit${result.hits === 1 ? '' : 's'} in ${n(result.documents)} document${result.documents === 1 ? '' : 's'}` +
            `${result.hits > result.coded ? `; ${n(result.hits - result.coded)} already had it` : ''}).`,
        );
      }
      return 0;
    },
  },
  pseudonymise: {
    usage: 'duiding pseudonymise FILE --pseudonyms LIST.csv [--dry-run] [--coder NAME] [--json]',
    options: { pseudonyms: { type: 'string' }, 'dry-run': { type: 'boolean' }, ...coderOption, ...jsonOption },
    async run(session, [file], values, out) {
      if (values.pseudonyms === undefined) throw new DuidingError('--pseudonyms LIST.csv is required.', 'usage');
      return pseudonymiseCommand(session, file!, values.pseudonyms as string, Boolean(values['dry-run']), Boolean(values.json), out);
    },
  },
  names: {
    usage: 'duiding names FILE [--json]',
    options: { ...jsonOption },
    run: (session, [file], values, out) => namesCommand(session, file!, Boolean(values.json), out),
  },
  remove: {
    usage: 'duiding remove FILE (--document NAME | --participant NAME) [--dry-run] [--coder NAME] [--json]',
    options: { document: { type: 'string' }, participant: { type: 'string' }, 'dry-run': { type: 'boolean' }, ...coderOption, ...jsonOption },
    run: (session, [file], values, out) =>
      removeCommand(
        session,
        file!,
        { document: values.document as string | undefined, participant: values.participant as string | undefined, dryRun: Boolean(values['dry-run']), json: Boolean(values.json) },
        out,
      ),
  },
  backups: {
    usage: 'duiding backups FILE [--restore ID|latest] [--json]',
    options: { restore: { type: 'string' }, ...coderOption, ...jsonOption },
    run: (session, [file], values, out) => backupsCommand(session, file!, values.restore as string | undefined, Boolean(values.json), out),
  },
  merge: {
    usage: 'duiding merge FILE OTHER.duiding [--pseudonyms LIST.csv] [--coder NAME] [--json]',
    options: { pseudonyms: { type: 'string' }, ...coderOption, ...jsonOption },
    async run(session, [file, other], values, out) {
      need(other === undefined ? [] : [other], 1, commands.merge!.usage);
      return mergeCommand(session, file!, other!, { pseudonyms: values.pseudonyms as string | undefined, json: Boolean(values.json) }, out);
    },
  },
  copy: {
    usage: 'duiding copy FILE OUT [--json]',
    options: { ...jsonOption },
    async run(session, [file, target], values, out) {
      need(target === undefined ? [] : [target], 1, commands.copy!.usage);
      return copyCommand(session, file!, target!, Boolean(values.json), out);
    },
  },
  export: {
    usage:
      'duiding export FILE --format docx|html|md|csv|xlsx|qdpx|qdc --out PATH [--report themes|codebook|segments|matrix] ' +
      '[--attribution none|participant|attrs:KEY,KEY|source|full] [--language nl|en] [--toc] [--quotation-marks] [--verbatim none|comment|footnote] [--definitions] [--counts] ' +
      '[--matrix concepts|labels] [--by participant|document] [--group ATTR] [--speakers participants|all] ' +
      '[--title T] [--subtitle S]… [--authors A]… [--date D] [--json]',
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      ...exportOptions,
      ...jsonOption,
    },
    async run(session, [file], values, out, tokens) {
      const format = values.format as string | undefined;
      const path = values.out as string | undefined;
      if (!format || !path) throw new DuidingError('--format and --out PATH are required.', 'usage');
      session.open(file!, true);
      printNotices(session, out);
      // REFI-QDA formats (qdpx, qdc) branch off here to their own handlers.
      if (format === 'qdpx' || format === 'qdc') return exportInterchange(session, format, path, Boolean(values.json), out);
      const result = (await dispatch(session, 'export/file', { ...reportExportArgs(values, format, tokens), out: resolve(path) })) as ExportResult;
      if (values.json) out.stdout(JSON.stringify(result, null, 2));
      else out.stdout(`Wrote ${result.path} (${n(result.bytes)} bytes).`);
      return 0;
    },
  },
  speakers: {
    usage: 'duiding speakers FILE [--json] | duiding speakers FILE --name NAME --role interviewer|participant|other [--participant P] [--document D] [--coder NAME]',
    options: { name: { type: 'string' }, role: { type: 'string' }, participant: { type: 'string' }, document: { type: 'string' }, ...coderOption, ...jsonOption },
    async run(session, [file], values, out) {
      const role = oneOf(values.role, SPEAKER_ROLES, 'role');
      const name = values.name as string | undefined;
      if ((name === undefined) !== (role === undefined)) throw new DuidingError('Give --name and --role together to set a role, or neither to list the speakers.', 'usage');
      if (name === undefined && (values.participant !== undefined || values.document !== undefined)) {
        throw new DuidingError('--participant and --document go with --name and --role.', 'usage');
      }
      if (name !== undefined && role !== 'participant' && values.participant !== undefined) throw new DuidingError('--participant goes with --role participant.', 'usage');
      session.open(file!, name === undefined);
      printNotices(session, out);
      if (name !== undefined) {
        const documentId = values.document === undefined ? undefined : findDocument(await listOf(session), String(values.document)).id;
        let participantId: string | null | undefined;
        if (values.participant !== undefined) {
          const { participants } = (await dispatch(session, 'participants/list', {})) as { participants: Participant[] };
          const wanted = String(values.participant).toLocaleLowerCase('nl');
          const found = participants.find((p) => p.name.toLocaleLowerCase('nl') === wanted);
          if (!found) throw new DuidingError(`There is no participant "${String(values.participant)}"; the participants are: ${participants.map((p) => p.name).join(', ') || 'none yet'}.`);
          participantId = found.id;
        }
        const result = (await dispatch(session, 'speakers/set', { name, role, participantId, documentId })) as { documents: number; changed: number };
        if (values.json) out.stdout(JSON.stringify(result, null, 2));
        else out.stdout(`"${name}" is ${role} in ${n(result.documents)} document${result.documents === 1 ? '' : 's'} (${n(result.changed)} changed).`);
        return 0;
      }
      const list = (await dispatch(session, 'speakers/list', {})) as DocumentSpeakers[];
      const documents = list.map((d) => ({
        document: d.documentName,
        unconfirmed: d.unconfirmed,
        speakers: d.speakers.map((s) => ({ name: s.name, role: s.role, participant: s.participantName })),
      }));
      if (values.json) out.stdout(JSON.stringify({ documents }, null, 2));
      else {
        for (const d of documents) {
          out.stdout(`${d.document}${d.unconfirmed ? '  (roles unconfirmed)' : ''}`);
          if (d.speakers.length === 0) out.stdout('    (no speakers named)');
          for (const s of d.speakers) out.stdout(`    ${s.name}: ${s.role}${s.participant ? ` (${s.participant})` : ''}`);
        }
      }
      return 0;
    },
  },
  scales: {
    usage: 'duiding scales FILE [--by ATTRIBUTE] [--json] [--out PATH.xlsx|PATH.svg]',
    options: { by: { type: 'string' }, out: { type: 'string' }, ...jsonOption },
    run: (session, [file], values, out) => scalesCommand(session, file!, { by: values.by as string | undefined, json: Boolean(values.json), out: values.out as string | undefined }, out),
  },
  agreement: {
    usage:
      'duiding agreement FILE [--coders A,B] [--unit turn|sentence|character] [--labels L1,L2] [--documents D1,D2] ' +
      '[--speakers participants|all] [--json] [--out REPORT.xlsx|REPORT.docx]',
    options: { coders: { type: 'string' }, unit: { type: 'string' }, labels: { type: 'string' }, documents: { type: 'string' }, speakers: { type: 'string' }, out: { type: 'string' }, ...jsonOption },
    run: (session, [file], values, out) =>
      agreementCommand(
        session,
        file!,
        {
          coders: values.coders as string | undefined,
          unit: values.unit as string | undefined,
          labels: values.labels as string | undefined,
          documents: values.documents as string | undefined,
          speakers: values.speakers as string | undefined,
          out: values.out as string | undefined,
          json: Boolean(values.json),
        },
        out,
      ),
  },
  serve: {
    usage: 'duiding serve (FILE | --dir DIR) [--port N] [--coder NAME]',
    options: { dir: { type: 'string' }, port: { type: 'string' }, ...coderOption },
    async run(session, [file], values, out) {
      const dir = values.dir === undefined ? undefined : resolve(values.dir as string);
      if ((file === undefined) === (dir === undefined)) throw new DuidingError('Give either a project FILE or --dir DIR.', 'usage');
      const port = values.port === undefined ? 0 : Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new DuidingError('--port must be a port number (1-65535).', 'usage');
      if (dir !== undefined && existsSync(dir) && !statSync(dir).isDirectory()) throw new DuidingError(`${dir} is not a folder.`);
      if (dir !== undefined && !existsSync(dir)) {
        out.stderr(`${dir} does not exist yet: creating it for your projects.`);
        try {
          mkdirSync(dir, { recursive: true });
        } catch (error) {
          throw new DuidingError(`Could not create the folder ${dir}: ${(error as Error).message}`);
        }
      }
      // The server, its socket library and the screens check load only for `serve`: every other
      // command starts without them.
      const [{ startCoreWorker }, { defaultStaticDir, startHost }, { ensureScreens }] = await Promise.all([
        import('../http/core-worker.ts'),
        import('../http/server.ts'),
        import('./screens.ts'),
      ]);
      ensureScreens(defaultStaticDir, out);
      // Serving one FILE shows its folder once the project is closed, like `--dir` on that folder.
      const folder = dir ?? dirname(resolve(file!));
      // The core runs in a worker thread: a long call (an import, an export) never holds up the
      // server's thread, which keeps answering the page, its socket and its static files.
      const core = await startCoreWorker({ coder: session.coder, projectsDir: folder, file: file === undefined ? null : resolve(file) });
      for (const notice of core.notices) out.stderr(`notice: ${notice}`);
      // A bug that escapes every request's own handling leaves the process in a state that cannot
      // be trusted: stop, but close the project first, so that no lock and no -wal stay behind
      // and the researcher can open it again at once.
      let stopping = false;
      const stop = (report: string, closed: Promise<string | null>) => {
        if (stopping) return;
        stopping = true;
        out.stderr(`Internal error (please report it): ${report}`);
        const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer within 10 s')), 10_000).unref());
        void Promise.race([closed, timeout])
          .then((path) => out.stderr(path ? `Duiding stopped; ${path} was closed and can be opened again.` : 'Duiding stopped.'))
          .catch((error: unknown) => out.stderr(`Duiding stopped; closing the project failed: ${(error as Error).message}`))
          .finally(() => process.exit(70));
      };
      const crash = (error: unknown) => stop(error instanceof Error ? (error.stack ?? error.message) : String(error), core.close());
      process.on('uncaughtException', crash);
      process.on('unhandledRejection', crash);
      // The worker closed its project itself before it ended.
      core.onCrash((report, path) => stop(report, Promise.resolve(path)));
      try {
        const host = await startHost({ core, staticDir: defaultStaticDir, port });
        out.stdout(`Duiding is serving ${file ?? `the projects in ${dir}`} on this computer only.\nOpen ${host.url}\nPress Ctrl+C to stop.`);
        await new Promise<void>((done) => {
          process.once('SIGINT', done);
          process.once('SIGTERM', done);
        });
        await host.close();
        return 0;
      } finally {
        await core.close();
        process.off('uncaughtException', crash);
        process.off('unhandledRejection', crash);
      }
    },
  },
};

function help(): string {
  return [
    'Duiding — qualitative coding of interview transcripts.',
    '',
    'Commands:',
    ...Object.values(commands).map((c) => `  ${c.usage}`),
    '',
    'Writing commands take --coder NAME (default: $DUIDING_CODER, then your user name).',
    'Transcripts: .txt .md .docx .odt .vtt .srt; participants: .csv (name plus attribute columns); surveys: .csv .xlsx with --survey.',
  ].join('\n');
}

export async function runCli(argv: string[], out: Output, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    out.stdout(help());
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    out.stderr(`Unknown command "${name}". Valid commands: ${Object.keys(commands).join(', ')}.\n\n${help()}`);
    return 2;
  }
  let session: Session | null = null;
  // Ctrl+C cancels the call running: a long write rolls back whole (the project is as it was), the
  // project is closed (no lock left), and the command ends with 130. A second Ctrl+C ends at once;
  // the open transaction is then lost with the process, which leaves the project as it was too.
  let interrupted = false;
  const interrupt = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    cancelAll();
  };
  if (name !== 'serve') process.on('SIGINT', interrupt);
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true, tokens: true });
    } catch (error) {
      throw new DuidingError(`${(error as Error).message}\nUsage: ${command.usage}`, 'usage');
    }
    if (name !== 'serve') need(parsed.positionals, 1, command.usage);
    const coder = (parsed.values.coder as string | undefined) ?? env.DUIDING_CODER ?? userInfo().username;
    session = new Session(coder);
    const tokens = parsed.tokens.flatMap((t) => (t.kind === 'option' ? [{ name: t.name, value: t.value }] : []));
    return await command.run(session, parsed.positionals, parsed.values as Record<string, unknown>, out, tokens);
  } catch (caught) {
    const error = isDuidingError(caught) ? caught : explainStorageError(caught, session?.hasProject ? session.project.path : null);
    if (!error) throw caught;
    out.stderr(error.kind === 'usage' && !error.message.includes('Usage:') ? `${error.message}\nUsage: ${command.usage}` : error.message);
    return error.kind === 'usage' ? 2 : error.kind === 'cancelled' ? 130 : 1;
  } finally {
    process.off('SIGINT', interrupt);
    session?.close();
  }
}

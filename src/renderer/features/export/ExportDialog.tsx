import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FORMATS_OF, EXPORT_REPORTS, type ExportFormat, type ExportOptions, type ExportReport } from '../../../shared/exports.ts';
import { VERBATIM_NOTES, type ReportLanguage, type VerbatimNotes } from '../../../shared/report-document.ts';
import { ask } from '../../data/index.ts';
import { useParticipants } from '../../data/reads.ts';
import { describe } from '../../components/describe.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { downloadBase64 } from '../../components/download.ts';
import { ExportInterchangeButtons } from '../interchange/ExportInterchangeButtons.tsx';
import i18n from '../../i18n/index.ts';
import { exportStrings } from './i18n.ts';
import { QuoteSettings, TitleBlockEditor, useReportSettings } from '../outline/ReportLayout.tsx';

// The area's strings join the app's dictionaries here, so the dialog works wherever it is mounted.
for (const language of ['nl', 'en'] as const) {
  if (!i18n.exists('export.title', { lng: language })) i18n.addResourceBundle(language, 'translation', { export: exportStrings[language] }, true, false);
}

function sizeText(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Export: the theme report, codebook, coded segments or matrix, with the options of each, an HTML
 * preview that follows every change, and a download of the file the core writes.
 */
export function ExportDialog(props: { open: boolean; onClose(): void; initialReport?: ExportReport; projectTitle?: string }) {
  const { t } = useTranslation();
  const [report, setReport] = useState<ExportReport>(props.initialReport ?? 'themes');
  const [format, setFormat] = useState<ExportFormat>(FORMATS_OF[props.initialReport ?? 'themes'][0]!);
  const [includeDefinitions, setIncludeDefinitions] = useState(false);
  const [includeCounts, setIncludeCounts] = useState(false);
  const [toc, setToc] = useState(false);
  // The verbatim text of edited quotes beside them, only when asked for (a Word comment or a footnote).
  const [verbatimNotes, setVerbatimNotes] = useState<VerbatimNotes>('none');
  const [language, setLanguage] = useState<ReportLanguage>(i18n.language === 'en' ? 'en' : 'nl');
  const [rows, setRows] = useState<'concepts' | 'labels'>('concepts');
  const [by, setBy] = useState<'participant' | 'document'>('participant');
  const [groupBy, setGroupBy] = useState('');
  const { attributes } = useParticipants();
  // Participants' speech only unless ticked (the themes, segments and matrix reports).
  const [withInterviewer, setWithInterviewer] = useState(false);
  const [preview, setPreview] = useState<string | null>(null);
  const [busy, setBusy] = useState<'preview' | 'download' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  // The title block, quote style and attribution are the project's (edited here or in the report, kept
  // for the preview and every export); the rest are this export's own.
  const kept = useReportSettings();
  const options = useMemo<ExportOptions>(
    () => ({
      includeDefinitions,
      includeCounts,
      toc,
      language,
      verbatimNotes,
      matrix: { rows, by, groupBy: groupBy || null },
      speakers: withInterviewer ? 'all' : 'participants',
    }),
    [includeDefinitions, includeCounts, toc, language, verbatimNotes, rows, by, groupBy, withInterviewer],
  );

  // The preview follows the options, a moment after the last change.
  useEffect(() => {
    if (!props.open) return;
    let current = true;
    const timer = setTimeout(() => {
      setBusy('preview');
      ask('export/preview', { report, options })
        .then((result) => current && (setPreview(result.html), setProblem(null)))
        .catch((error: Error) => current && setProblem(describe(t, error)))
        .finally(() => current && setBusy(null));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [props.open, report, options, kept, t]);

  const chooseReport = (next: ExportReport) => {
    setReport(next);
    if (!FORMATS_OF[next].includes(format)) setFormat(FORMATS_OF[next][0]!);
    setDone(null);
  };

  const save = async () => {
    setBusy('download');
    setProblem(null);
    setDone(null);
    try {
      const result = await ask('export/file', { report, format, options });
      downloadBase64(result.fileName, result.mimeType, result.base64!);
      setDone(t('export.downloaded', { file: result.fileName, size: sizeText(result.bytes) }));
    } catch (error) {
      setProblem(describe(t, error as Error));
    } finally {
      setBusy(null);
    }
  };

  const documentLike = report === 'themes' || (report === 'codebook' && ['docx', 'html', 'md'].includes(format));
  const check = (label: string, value: boolean, set: (v: boolean) => void) => (
    <label className="field field--inline">
      <input type="checkbox" checked={value} onChange={(e) => set(e.target.checked)} />
      <span>{label}</span>
    </label>
  );

  return (
    <Dialog open={props.open} onClose={props.onClose} title={t('export.title')} description={t('export.help')} wide>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="export-dialog" style={{ display: 'grid', gridTemplateColumns: 'minmax(220px, 1fr) 2fr', gap: 16, alignItems: 'start' }}>
          <div style={{ display: 'flex', flexDirection: 'column', gap: 10, maxHeight: '60vh', overflowY: 'auto', paddingRight: 4 }}>
            <label className="field">
              <span>{t('export.report')}</span>
              <select value={report} onChange={(e) => chooseReport(e.target.value as ExportReport)}>
                {EXPORT_REPORTS.map((r) => (
                  <option key={r} value={r}>{t(`export.reports.${r}`)}</option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('export.format')}</span>
              <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
                {FORMATS_OF[report].map((f) => (
                  <option key={f} value={f}>{t(`export.formats.${f}`)}</option>
                ))}
              </select>
            </label>
            {report === 'themes' && (
              <>
                <QuoteSettings />
                {check(t('export.includeInterviewer'), withInterviewer, setWithInterviewer)}
                {check(t('export.definitions'), includeDefinitions, setIncludeDefinitions)}
                {check(t('export.counts'), includeCounts, setIncludeCounts)}
                {format !== 'md' && check(t('export.toc'), toc, setToc)}
                <label className="field">
                  <span>{t('export.verbatim')}</span>
                  <select value={verbatimNotes} onChange={(e) => setVerbatimNotes(e.target.value as VerbatimNotes)}>
                    {VERBATIM_NOTES.map((mode) => (
                      <option key={mode} value={mode}>
                        {t(`export.verbatimModes.${mode}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <TitleBlockEditor projectTitle={props.projectTitle ?? ''} language={language} />
              </>
            )}
            {(report === 'matrix' || report === 'segments') && check(t('export.includeInterviewer'), withInterviewer, setWithInterviewer)}
            {report === 'matrix' && (
              <>
                <label className="field">
                  <span>{t('export.rows')}</span>
                  <select value={rows} onChange={(e) => setRows(e.target.value as 'concepts' | 'labels')}>
                    <option value="concepts">{t('export.rowsOf.concepts')}</option>
                    <option value="labels">{t('export.rowsOf.labels')}</option>
                  </select>
                </label>
                <label className="field">
                  <span>{t('export.by')}</span>
                  <select value={by} onChange={(e) => setBy(e.target.value as 'participant' | 'document')}>
                    <option value="participant">{t('export.byOf.participant')}</option>
                    <option value="document">{t('export.byOf.document')}</option>
                  </select>
                </label>
                <label className="field">
                  <span>{t('export.group')}</span>
                  <select value={groupBy} onChange={(e) => setGroupBy(e.target.value)}>
                    <option value="">{t('export.noGroup')}</option>
                    {attributes.map((a) => (
                      <option key={a.id} value={a.name}>{a.name}</option>
                    ))}
                  </select>
                </label>
              </>
            )}
            {(documentLike || report === 'segments' || report === 'codebook') && (
              <label className="field">
                <span>{t('export.language')}</span>
                <select value={language} onChange={(e) => setLanguage(e.target.value as ReportLanguage)}>
                  <option value="nl">{t('export.languages.nl')}</option>
                  <option value="en">{t('export.languages.en')}</option>
                </select>
              </label>
            )}
          </div>
          <section aria-label={t('export.preview')} aria-busy={busy === 'preview'}>
            {preview === null ? (
              <p>{t('export.previewLoading')}</p>
            ) : (
              // Sandboxed without scripts: the preview is our own HTML, but it carries the project's text.
              <iframe title={t('export.preview')} sandbox="" srcDoc={preview} style={{ width: '100%', height: '60vh', border: '1px solid var(--line)', borderRadius: 'var(--radius)', background: '#fff' }} />
            )}
          </section>
        </div>
        {problem && <p role="alert" className="form-error">{problem}</p>}
        {done && <p role="status">{done}</p>}
        <section className="export-interchange" aria-labelledby="export-interchange-title">
          <h3 id="export-interchange-title" className="small">{t('export.interchangeTitle')}</h3>
          <p className="muted small">{t('export.interchangeHelp')}</p>
          <ExportInterchangeButtons />
        </section>
        <footer className="dialog__footer">
          <button type="button" className="button" onClick={props.onClose}>{t('common.close')}</button>
          <button type="submit" className="button button--primary" disabled={busy === 'download'}>
            {busy === 'download' ? t('export.downloading') : t('export.download')}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}

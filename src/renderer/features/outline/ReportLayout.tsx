import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NUMBERINGS, TITLE_LINE_KINDS, type Numbering, type ReportSettings, type TitleLine, type TitleLineKind } from '../../../shared/analysis.ts';
import { DEFAULT_REPORT_OPTIONS, parseAttribution, type ReportLanguage, type ReportOptions } from '../../../shared/report-document.ts';
import { defaultTitleLines } from '../../../shared/report-from-outline.ts';
import { useData } from '../../data/index.ts';
import { useParticipants } from '../../data/reads.ts';
import { useStore } from '../../store/index.ts';

const NO_SETTINGS: ReportSettings = { titleLines: [], quoteStyle: 'quote', quotationMarks: false, attribution: 'participant', levelNumbering: [] };

/** The report's layout as the project keeps it. */
export function useReportSettings(): ReportSettings {
  return useData('report/settings', {}, NO_SETTINGS);
}

/** The options the preview renders with: the kept layout, in the app's language, as every export uses it. */
export function useKeptReportOptions(language: ReportLanguage): ReportOptions {
  const settings = useReportSettings();
  return useMemo(
    () => ({
      ...DEFAULT_REPORT_OPTIONS,
      language,
      quoteStyle: settings.quoteStyle,
      quotationMarks: settings.quotationMarks,
      attribution: parseAttribution(settings.attribution) ?? DEFAULT_REPORT_OPTIONS.attribution,
      levelNumbering: settings.levelNumbering,
      titleLines: settings.titleLines,
    }),
    [settings, language],
  );
}

type Line = TitleLine & { key: number };

/**
 * The title block as lines in the researcher's order (title, subtitles, authors, date, in any order
 * and number): each line's kind and text, moved and removed in place. The whole block is saved at
 * once, when a line is left changed; a new line is saved once it has text. While none is kept the
 * lines shown are the ones every export prints: the project's title and the default subtitle.
 */
export function TitleBlockEditor({ projectTitle, language }: { projectTitle: string; language: ReportLanguage }) {
  const { t } = useTranslation();
  const settings = useReportSettings();
  const save = useStore((s) => s.updateReportSettings);
  const shown = settings.titleLines.length ? settings.titleLines : defaultTitleLines(projectTitle, language);
  const next = useRef(0);
  const [lines, setLines] = useState<Line[]>(() => shown.map((line) => ({ ...line, key: next.current++ })));
  const [focus, setFocus] = useState<number | null>(null);
  const stored = JSON.stringify(shown);
  const plain = (list: Line[]) => list.map(({ kind, text }) => ({ kind, text: text.trim() })).filter((line) => line.text);
  // Another window, an undo or a save brings the kept lines back in, unless a line is being edited
  // (an earlier save's answer must not undo what was typed since); the inputs keep their keys (and
  // with them the focus), and a new line not yet typed in stays.
  const current = useRef(lines);
  current.current = lines;
  const previous = useRef(stored);
  useEffect(() => {
    const local = JSON.stringify(plain(current.current));
    const editing = local !== previous.current && local !== stored;
    previous.current = stored;
    if (editing) return;
    setLines((now) => {
      const filled = now.filter((line) => line.text.trim());
      const blank = now.filter((line) => !line.text.trim());
      return [...(JSON.parse(stored) as TitleLine[]).map((line, i) => ({ ...line, key: filled[i]?.key ?? next.current++ })), ...blank];
    });
  }, [stored]);

  const commit = (list: Line[]) => {
    setLines(list);
    const wanted = plain(list);
    if (JSON.stringify(wanted) !== stored) void save({ titleLines: wanted });
  };
  const change = (key: number, patch: Partial<TitleLine>) => setLines((list) => list.map((line) => (line.key === key ? { ...line, ...patch } : line)));
  const move = (index: number, by: number) => {
    const list = [...lines];
    const [line] = list.splice(index, 1);
    list.splice(index + by, 0, line!);
    commit(list);
  };
  const add = () => {
    const line = { kind: 'author' as TitleLineKind, text: '', key: next.current++ };
    setLines([...lines, line]);
    setFocus(line.key);
  };

  return (
    <fieldset className="title-block">
      <legend>{t('outline.titleBlock')}</legend>
      <ol className="title-block__lines">
        {lines.map((line, index) => (
          <li key={line.key} className={`title-block__line title-block__line--${line.kind}`}>
            <select
              aria-label={t('outline.lineKind', { n: index + 1 })}
              value={line.kind}
              onChange={(e) => commit(lines.map((l) => (l.key === line.key ? { ...l, kind: e.target.value as TitleLineKind } : l)))}
            >
              {TITLE_LINE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`outline.lineKinds.${kind}`)}
                </option>
              ))}
            </select>
            <input
              aria-label={t('outline.lineText', { kind: t(`outline.lineKinds.${line.kind}`), n: index + 1 })}
              value={line.text}
              autoFocus={focus === line.key}
              placeholder={t(`outline.linePlaceholders.${line.kind}`)}
              onChange={(e) => change(line.key, { text: e.target.value })}
              onBlur={() => commit(lines)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
              }}
            />
            <span className="title-block__tools">
              <button type="button" className="icon-button" disabled={index === 0} aria-label={t('outline.lineUp')} title={t('outline.lineUp')} onClick={() => move(index, -1)}>
                ↑
              </button>
              <button type="button" className="icon-button" disabled={index === lines.length - 1} aria-label={t('outline.lineDown')} title={t('outline.lineDown')} onClick={() => move(index, 1)}>
                ↓
              </button>
              <button type="button" className="icon-button" aria-label={t('outline.lineDelete')} title={t('outline.lineDelete')} onClick={() => commit(lines.filter((l) => l.key !== line.key))}>
                ×
              </button>
            </span>
          </li>
        ))}
      </ol>
      <button type="button" className="button button--small button--quiet" onClick={add}>
        + {t('outline.addLine')}
      </button>
    </fieldset>
  );
}

type AttributionKind = 'none' | 'participant' | 'attrs' | 'source' | 'full';

/** Quote style, quotation marks and what follows each quote: kept in the project, for the preview and every export. */
export function QuoteSettings() {
  const { t } = useTranslation();
  const settings = useReportSettings();
  const save = useStore((s) => s.updateReportSettings);
  const { attributes } = useParticipants();
  const parsed = parseAttribution(settings.attribution) ?? 'participant';
  const kind: AttributionKind = typeof parsed === 'object' ? 'attrs' : parsed;
  const keys = typeof parsed === 'object' ? parsed.attrs : [];
  const styleId = useId();
  const attributionId = useId();
  const attribution = (next: AttributionKind, nextKeys = keys) => {
    // Attributes asked for but none ticked yet: the participant alone, until one is.
    const value = next === 'attrs' ? (nextKeys.length ? `attrs:${nextKeys.join(',')}` : 'participant') : next;
    if (value !== settings.attribution) void save({ attribution: value });
  };
  const [askingAttrs, setAskingAttrs] = useState(kind === 'attrs');
  return (
    <div className="quote-settings">
      <label className="field" htmlFor={styleId}>
        <span>{t('outline.quoteStyle')}</span>
        <select id={styleId} value={settings.quoteStyle} onChange={(e) => void save({ quoteStyle: e.target.value as ReportSettings['quoteStyle'] })}>
          <option value="quote">{t('outline.quoteStyles.quote')}</option>
          <option value="plain">{t('outline.quoteStyles.plain')}</option>
        </select>
      </label>
      <label className="field" htmlFor={attributionId}>
        <span>{t('outline.attribution')}</span>
        <select
          id={attributionId}
          value={askingAttrs ? 'attrs' : kind}
          onChange={(e) => {
            const next = e.target.value as AttributionKind;
            setAskingAttrs(next === 'attrs');
            attribution(next);
          }}
        >
          {(['none', 'participant', 'attrs', 'source', 'full'] as const).map((a) => (
            <option key={a} value={a}>
              {t(`outline.attributions.${a}`)}
            </option>
          ))}
        </select>
      </label>
      {askingAttrs && (
        <fieldset className="field quote-settings__attrs">
          <legend>{t('outline.attributes')}</legend>
          {attributes.map((a) => (
            <label key={a.id} className="field field--inline">
              <input type="checkbox" checked={keys.includes(a.name)} onChange={(e) => attribution('attrs', e.target.checked ? [...keys, a.name] : keys.filter((k) => k !== a.name))} />
              <span>{a.name}</span>
            </label>
          ))}
        </fieldset>
      )}
      <label className="field field--inline">
        <input type="checkbox" checked={settings.quotationMarks} onChange={(e) => void save({ quotationMarks: e.target.checked })} />
        <span>{t('outline.quotationMarks')}</span>
      </label>
    </div>
  );
}

/** How a list is numbered, as the select shows it; `inherit` is the empty choice (automatic, bullets, the level's). */
export function NumberingSelect<T extends string>(props: { label: string; value: T | null; choices: readonly T[]; inherit: string; onChange(value: T | null): void; className?: string }) {
  const { t } = useTranslation();
  return (
    <label className={`numbering-select${props.className ? ` ${props.className}` : ''}`}>
      <span>{props.label}</span>
      <select value={props.value ?? ''} onChange={(e) => props.onChange((e.target.value || null) as T | null)}>
        <option value="">{props.inherit}</option>
        {props.choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice === 'none' ? t('outline.numberingNone') : choice}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The title block, quote settings and the numbering of headings per level: the report's layout, kept in the project. */
export function ReportLayoutPanel({ projectTitle, language }: { projectTitle: string; language: ReportLanguage }) {
  const { t } = useTranslation();
  const settings = useReportSettings();
  const save = useStore((s) => s.updateReportSettings);
  const level = (depth: number, value: Numbering | null) => {
    const next = [...settings.levelNumbering];
    while (next.length <= depth) next.push(null);
    next[depth] = value;
    while (next.length && next[next.length - 1] === null) next.pop();
    void save({ levelNumbering: next });
  };
  return (
    <details className="report-layout" open>
      <summary>{t('outline.layout')}</summary>
      <TitleBlockEditor projectTitle={projectTitle} language={language} />
      <div className="report-layout__row">
        <QuoteSettings />
        <fieldset className="report-layout__levels">
          <legend>{t('outline.levelNumbering')}</legend>
          {[0, 1, 2].map((depth) => (
            <NumberingSelect
              key={depth}
              label={t('outline.level', { n: depth + 1 })}
              value={settings.levelNumbering[depth] ?? null}
              choices={NUMBERINGS}
              inherit={t('outline.numberingAuto')}
              onChange={(value) => level(depth, value)}
            />
          ))}
        </fieldset>
      </div>
    </details>
  );
}

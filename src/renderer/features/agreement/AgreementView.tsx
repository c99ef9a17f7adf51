import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AGREEMENT_UNITS,
  CONSENSUS_CODER,
  type AgreementDifference,
  type AgreementFigures,
  type AgreementQuery,
  type AgreementUnit,
  type DecisionChoice,
} from '../../../shared/agreement.ts';
import { SPEAKER_SCOPES, type SpeakerScope } from '../../../shared/model.ts';
import { describe } from '../../components/describe.ts';
import { downloadBase64 } from '../../components/download.ts';
import { formatNumber } from '../../components/format.ts';
import { ask, useData, useRead, write } from '../../data/index.ts';
import { useStore } from '../../store/index.ts';

const NONE: never[] = [];
const split = (value: string | undefined) => (value ? value.split(',').filter(Boolean) : undefined);

/**
 * Agreement between coders (issue 26): the figures per label and overall at the chosen unit, with
 * the unit, coders and documents stated beside them; under them the differences, side by side in
 * their turn, each settled into the consensus coder by one undoable decision; before and after.
 */
export function AgreementView({ params }: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const navigate = useStore((s) => s.navigate);
  const unit = (AGREEMENT_UNITS as readonly string[]).includes(params.unit ?? '') ? (params.unit as AgreementUnit) : 'sentence';
  const speakers = (SPEAKER_SCOPES as readonly string[]).includes(params.speakers ?? '') ? (params.speakers as SpeakerScope) : 'participants';
  const query: AgreementQuery = { unit, speakers, coders: split(params.coders), documentIds: split(params.documents), labelIds: split(params.labels) };
  const coders = useData('coders/list', {}, NONE);
  const documents = useData('documents/list', {}, NONE);
  const labels = useData('labels/list', {}, NONE);
  const state = useRead('agreement/compute', query);
  const result = state.data;
  const [message, setMessage] = useState<{ text: string; bad: boolean } | null>(null);
  // Codings name their coder by a stable id (issue 25): shown by the coder's name.
  const name = (key: string) => (key === CONSENSUS_CODER ? t('agreement.consensus') : (coders.find((c) => c.id === key)?.name ?? key));
  const set = (patch: Record<string, string | undefined>) => {
    const next: Record<string, string> = { ...params };
    for (const [key, value] of Object.entries(patch)) {
      if (value) next[key] = value;
      else delete next[key];
    }
    navigate({ name: 'agreement', params: next });
  };
  const toggle = (key: 'coders' | 'documents' | 'labels', id: string, all: string[]) => {
    const chosen = new Set(split(params[key]) ?? all);
    if (chosen.has(id)) chosen.delete(id);
    else chosen.add(id);
    set({ [key]: chosen.size === all.length ? undefined : [...chosen].join(',') });
  };
  const download = async (format: 'xlsx' | 'docx') => {
    setMessage(null);
    try {
      const file = await ask('agreement/export', { ...query, format, language: i18n.language.startsWith('en') ? 'en' : 'nl' });
      downloadBase64(file.fileName, file.mimeType, file.base64!);
      setMessage({ text: t('agreement.downloaded', { file: file.fileName }), bad: false });
    } catch (error) {
      setMessage({ text: describe(t, error as { message?: string }), bad: true });
    }
  };
  const number = (v: number | null, digits = 3) => (v === null ? '–' : formatNumber(Math.round(v * 10 ** digits) / 10 ** digits, i18n.language));
  const pct = (v: number | null) => (v === null ? '–' : `${formatNumber(Math.round(v * 1000) / 10, i18n.language)} %`);
  const brief = (f: Pick<AgreementFigures, 'percent' | 'kappa' | 'alpha'>) =>
    `${pct(f.percent)}${f.kappa === null ? '' : ` · κ ${number(f.kappa)}`} · ${unit === 'character' ? 'uα' : 'α'} ${number(f.alpha)}`;
  const listed = coders.filter((c) => c.sameAs === null);
  const humanCoders = listed.filter((c) => c.id !== CONSENSUS_CODER).map((c) => c.id);
  const chosenCoders = new Set(split(params.coders) ?? humanCoders);
  const allDocuments = documents.map((d) => d.id);
  const chosenDocuments = new Set(split(params.documents) ?? allDocuments);
  const codedLabels = labels.filter((l) => l.segmentCount > 0 || (split(params.labels) ?? []).includes(l.id));
  const chosenLabels = new Set(split(params.labels) ?? codedLabels.map((l) => l.id));

  return (
    <div className="agreement">
      <header className="matrix__header">
        <h1>{t('agreement.heading')}</h1>
        <p className="muted">{t('agreement.help')}</p>
      </header>
      <div className="matrix__controls agreement__controls" role="group">
        <label className="matrix__control">
          <span>{t('agreement.unit')}</span>
          <select value={unit} onChange={(e) => set({ unit: e.target.value === 'sentence' ? undefined : e.target.value })} data-testid="agreement-unit">
            {AGREEMENT_UNITS.map((u) => (
              <option key={u} value={u}>
                {t(`agreement.units.${u}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="matrix__control">
          <span>{t('agreement.speakers')}</span>
          <select value={speakers} onChange={(e) => set({ speakers: e.target.value === 'participants' ? undefined : e.target.value })}>
            {SPEAKER_SCOPES.map((s) => (
              <option key={s} value={s}>
                {t(`agreement.speakersOptions.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <details className="agreement__pick">
          <summary>
            {t('agreement.coders')}: {[...chosenCoders].map(name).join(', ')}
          </summary>
          {listed.map((c) => (
            <label key={c.id} className="agreement__option">
              <input type="checkbox" checked={chosenCoders.has(c.id)} onChange={() => toggle('coders', c.id, humanCoders)} /> {name(c.id)}
            </label>
          ))}
        </details>
        <details className="agreement__pick">
          <summary>
            {t('agreement.documents')}: {params.documents ? t('agreement.chosen', { count: chosenDocuments.size }) : t('agreement.allDocuments', { count: allDocuments.length })}
          </summary>
          {documents.map((d) => (
            <label key={d.id} className="agreement__option">
              <input type="checkbox" checked={chosenDocuments.has(d.id)} onChange={() => toggle('documents', d.id, allDocuments)} /> {d.name}
            </label>
          ))}
        </details>
        <details className="agreement__pick">
          <summary>
            {t('agreement.labels')}: {params.labels ? t('agreement.chosen', { count: chosenLabels.size }) : t('agreement.allLabels')}
          </summary>
          {codedLabels.map((l) => (
            <label key={l.id} className="agreement__option">
              <input type="checkbox" checked={chosenLabels.has(l.id)} onChange={() => toggle('labels', l.id, codedLabels.map((x) => x.id))} /> {l.name}
            </label>
          ))}
        </details>
        <div className="button-row">
          <button type="button" className="button" onClick={() => void download('docx')} disabled={!result}>
            {t('agreement.exportDocx')}
          </button>
          <button type="button" className="button" onClick={() => void download('xlsx')} disabled={!result}>
            {t('agreement.exportXlsx')}
          </button>
        </div>
      </div>
      {message && (
        <p className={message.bad ? 'bad' : 'ok'} role={message.bad ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {state.error ? (
        <p className="bad" role="alert">
          {humanCoders.length < 2 ? t('agreement.needTwo') : describe(t, state.error)}
        </p>
      ) : !result ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <>
          <p className="agreement__statement" data-testid="agreement-statement">
            {t('agreement.statement', {
              unit: t(`agreement.units.${result.unit}`).toLocaleLowerCase(i18n.language),
              speakers: t(`agreement.speakersOptions.${result.speakers}`).toLocaleLowerCase(i18n.language),
              coders: result.coders.map((c) => name(c.key)).join(', '),
              documents: t('agreement.documentCount', { count: result.documents.length }),
              date: new Date(result.computedAt).toLocaleDateString(i18n.language),
            })}
          </p>
          <div className="table-wrap">
            <table className="table table--compact agreement__table" data-testid="agreement-table">
              <thead>
                <tr>
                  <th scope="col">{t('agreement.label')}</th>
                  <th scope="col" className="num">{t('agreement.percent')}</th>
                  <th scope="col" className="num">{t('agreement.kappa')}</th>
                  <th scope="col" className="num">{unit === 'character' ? t('agreement.ualpha') : t('agreement.alpha')}</th>
                  <th scope="col" className="num">{unit === 'character' ? t('agreement.characters') : t('agreement.unitsColumn')}</th>
                  <th scope="col" className="num">{t('agreement.differences')}</th>
                  {result.settled > 0 && <th scope="col">{t('agreement.after')}</th>}
                </tr>
              </thead>
              <tbody>
                {[...result.labels.map((l) => ({ key: l.labelId, name: l.label, colour: l.colour, f: l as AgreementFigures })), { key: '', name: t('agreement.overall'), colour: null, f: result.overall }].map((row) => {
                  const after = row.key ? result.after.labels.find((a) => a.labelId === row.key)! : result.after.overall;
                  return (
                    <tr key={row.key || 'overall'} className={row.key ? undefined : 'agreement__overall'}>
                      <th scope="row">
                        {row.colour && <span className="scales__swatch" style={{ background: row.colour }} aria-hidden="true" />}
                        {row.name}
                      </th>
                      <td className="num">{pct(row.f.percent)}</td>
                      <td className="num">{number(row.f.kappa)}</td>
                      <td className="num">{number(row.f.alpha)}</td>
                      <td className="num">{formatNumber(Math.round(row.f.units), i18n.language)}</td>
                      <td className="num">{row.f.differences}</td>
                      {result.settled > 0 && <td>{brief(after)}</td>}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {result.settled > 0 && (
            <p className="agreement__before-after" data-testid="agreement-before-after">
              {t('agreement.beforeAfter', { before: brief(result.overall), after: brief(result.after.overall), settled: result.settled })}
            </p>
          )}
          {result.notes.length > 0 && (
            <ul className="muted small">
              {result.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
          <Differences query={query} name={name} />
        </>
      )}
    </div>
  );
}

function Differences({ query, name }: { query: AgreementQuery; name: (key: string) => string }) {
  const { t } = useTranslation();
  const list = useData('agreement/differences', { ...query, limit: 200 }, null);
  const [problem, setProblem] = useState<string | null>(null);
  if (!list) return null;
  const decide = async (d: AgreementDifference, choice: DecisionChoice) => {
    setProblem(null);
    try {
      await write('agreement/decide', { documentId: d.documentId, labelId: d.labelId, start: d.start, end: d.end, coders: d.versions.map((v) => v.coder), choice });
    } catch (error) {
      setProblem(describe(t, error as { message?: string }));
    }
  };
  const chosen = (d: AgreementDifference) => {
    const c = d.decision!;
    return c.kind === 'coder' ? t('agreement.choiceCoder', { coder: name(c.coder) }) : c.kind === 'both' ? t('agreement.choiceBoth') : t('agreement.choiceNeither');
  };
  return (
    <section className="agreement__review" aria-label={t('agreement.review')}>
      <h2>{t('agreement.review')}</h2>
      <p className="muted small">{t('agreement.reviewHelp')}</p>
      {problem && (
        <p className="bad" role="alert">
          {problem}
        </p>
      )}
      {list.differences.length === 0 ? (
        <p className="muted">{t('agreement.noDifferences')}</p>
      ) : (
        <>
          {list.total > list.differences.length && <p className="muted small">{t('agreement.showing', { shown: list.differences.length, total: list.total })}</p>}
          <ol className="agreement__differences" data-testid="agreement-differences">
            {list.differences.map((d) => (
              <li key={`${d.key}`} className={`agreement__difference${d.decision ? ' is-settled' : ''}`} data-testid="agreement-difference">
                <div className="agreement__where">
                  <span className="scales__swatch" style={{ background: d.colour }} aria-hidden="true" />
                  <strong>{d.label}</strong> · {d.documentName}
                  {d.context.speaker ? ` · ${d.context.speaker}` : ''}
                  {d.decision && <span className="agreement__settled"> · {t('agreement.settled', { choice: chosen(d) })}</span>}
                </div>
                <div className="agreement__versions">
                  {d.versions.map((v) => (
                    <figure key={v.coder} className="agreement__version">
                      <figcaption>
                        {name(v.coder)}
                        {v.spans.length === 0 && <span className="muted small"> · {t('agreement.notCoded')}</span>}
                      </figcaption>
                      <Context d={d} spans={v.spans} />
                    </figure>
                  ))}
                </div>
                <div className="button-row">
                  {d.versions.map((v) => (
                    <button key={v.coder} type="button" className="button button--small" onClick={() => void decide(d, { kind: 'coder', coder: v.coder })}>
                      {t('agreement.accept', { coder: name(v.coder) })}
                    </button>
                  ))}
                  <button type="button" className="button button--small" onClick={() => void decide(d, { kind: 'both' })}>
                    {t('agreement.both')}
                  </button>
                  <button type="button" className="button button--small" onClick={() => void decide(d, { kind: 'neither' })}>
                    {t('agreement.neither')}
                  </button>
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** The turn around a difference: the unit set off, the coder's coded stretches marked in it. */
function Context({ d, spans }: { d: AgreementDifference; spans: Array<{ start: number; end: number }> }) {
  const { text, start: base } = d.context;
  const marks = new Set<number>();
  for (const s of spans) for (let i = s.start; i < s.end; i++) marks.add(i);
  const cuts = [...new Set([base, d.start, d.end, base + text.length, ...spans.flatMap((s) => [s.start, s.end])])].filter((x) => x >= base && x <= base + text.length).sort((a, b) => a - b);
  return (
    <p className="agreement__context">
      {cuts.slice(0, -1).map((from, i) => {
        const to = cuts[i + 1]!;
        const piece = text.slice(from - base, to - base);
        const inUnit = from >= d.start && to <= d.end;
        if (!inUnit) return <span key={from} className="muted">{piece}</span>;
        return marks.has(from) ? <mark key={from} style={{ background: `${d.colour}55` }}>{piece}</mark> : <span key={from} className="agreement__unit">{piece}</span>;
      })}
    </p>
  );
}

import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Memo, MemoTargetKind } from '../../../shared/model.ts';
import { formatDate, formatNumber } from '../../components/format.ts';
import { MemoEditor, MemoPanel } from '../../components/rich-text/MemoPanel.tsx';
import { RichTextView } from '../../components/rich-text/RichTextView.tsx';
import { useStore } from '../../store/index.ts';
import { useMemos } from '../../data/reads.ts';
import { useRead } from '../../data/index.ts';

/** The kinds listed below the study's own memos, in the order a researcher meets them. */
const KINDS: Array<Exclude<MemoTargetKind, 'project'>> = ['segment', 'label', 'document', 'participant'];

/** Case and accents do not matter when filtering ("ideeen" finds "ideeën"). */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** Every memo of the project: the study's own on top, then all others, filtered by kind and words. */
export function MemosView() {
  const { t, i18n } = useTranslation();
  const memos = useMemos();
  const loaded = useRead('memos/list', {}).data !== undefined;
  const [kind, setKind] = useState<MemoTargetKind | 'all'>('all');
  const [query, setQuery] = useState('');

  const onThings = useMemo(() => memos.filter((m) => m.target.kind !== 'project'), [memos]);
  const counts = useMemo(() => {
    const byKind = new Map<MemoTargetKind, number>();
    for (const m of onThings) byKind.set(m.target.kind, (byKind.get(m.target.kind) ?? 0) + 1);
    return byKind;
  }, [onThings]);
  const shown = useMemo(() => {
    const words = fold(query).split(/\s+/).filter(Boolean);
    return onThings.filter((m) => {
      if (kind !== 'all' && m.target.kind !== kind) return false;
      if (words.length === 0) return true;
      const haystack = fold(`${m.title}\n${m.bodyText}\n${m.targetName}\n${m.documentName ?? ''}`);
      return words.every((w) => haystack.includes(w));
    });
  }, [onThings, kind, query]);
  const filtered = kind !== 'all' || query.trim() !== '';

  return (
    <div className="page page--narrow memos-page">
      <div className="page__header">
        <div>
          <h1>{t('memos.title')}</h1>
          <p className="muted">{memos.length > 0 ? t('memos.summary', { count: memos.length }) : t('memos.subtitle')}</p>
        </div>
      </div>

      <section className="memos-project" aria-labelledby="memos-project-title">
        <h2 id="memos-project-title">{t('memos.projectSection')}</h2>
        <p className="muted small">{t('memos.projectHelp')}</p>
        <MemoPanel target={{ kind: 'project' }} />
      </section>

      {!loaded ? (
        <p className="muted">{t('common.loading')}</p>
      ) : onThings.length === 0 ? (
        <div className="empty-state">
          <strong>{t('memos.emptyTitle')}</strong>
          <p>{t('memos.emptyHelp')}</p>
        </div>
      ) : (
        <>
          <div className="memos-filter">
            <div className="segmented segmented--wide" role="group" aria-label={t('memos.filterKind')}>
              <button className={kind === 'all' ? 'is-active' : ''} aria-pressed={kind === 'all'} onClick={() => setKind('all')}>
                {t('memos.all')} <span className="memos-filter__count">{formatNumber(onThings.length, i18n.language)}</span>
              </button>
              {KINDS.filter((k) => counts.has(k)).map((k) => (
                <button key={k} className={kind === k ? 'is-active' : ''} aria-pressed={kind === k} onClick={() => setKind(k)}>
                  {t(`memos.kindPlural.${k}`)} <span className="memos-filter__count">{formatNumber(counts.get(k) ?? 0, i18n.language)}</span>
                </button>
              ))}
            </div>
            <input
              type="search"
              className="memos-filter__text"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder={t('memos.filterPlaceholder')}
              aria-label={t('memos.filterText')}
            />
          </div>
          {filtered && (
            <p className="muted small memos-filter__status" role="status">
              {t('memos.shown', { shown: shown.length, total: onThings.length })}{' '}
              <button
                className="link-button"
                onClick={() => {
                  setKind('all');
                  setQuery('');
                }}
              >
                {t('memos.clearFilter')}
              </button>
            </p>
          )}
          {shown.length === 0 ? (
            <div className="empty-state">
              <p>{t('memos.noneMatch')}</p>
            </div>
          ) : (
            <ol className="memo-list">
              {shown.map((memo) => (
                <MemoCard key={memo.id} memo={memo} />
              ))}
            </ol>
          )}
        </>
      )}
    </div>
  );
}

function MemoCard({ memo }: { memo: Memo }) {
  const { t, i18n } = useTranslation();
  const navigate = useStore((s) => s.navigate);
  const [editing, setEditing] = useState(false);
  const kind = memo.target.kind;

  const open = () => {
    const id = memo.target.id;
    if (kind === 'document' && id) navigate({ name: 'document', id, turn: null, query: '' });
    else if (kind === 'segment' && memo.documentId) navigate({ name: 'document', id: memo.documentId, turn: memo.turn, query: '' });
    else if (kind === 'label' && id) navigate({ name: 'codebook', labelId: id });
    else if (kind === 'participant') navigate({ name: 'participants', id });
  };

  return (
    <li className={`memo-card memo-card--${kind}`}>
      <div className="memo-card__target">
        <span className="memo-card__kind">{t(`memos.kind.${kind}`)}</span>
        {kind === 'label' && memo.colour && <span className="swatch" style={{ background: memo.colour }} aria-hidden="true" />}
        <button className="memo-card__open" onClick={open} title={t('memos.open', { name: memo.targetName })}>
          {kind === 'segment' ? <q className="memo-card__quote">{memo.targetName}</q> : memo.targetName}
        </button>
        {kind === 'segment' && memo.documentName && <span className="muted small">{t('memos.inDocument', { name: memo.documentName })}</span>}
      </div>
      {memo.title && <h3 className="memo-card__title">{memo.title}</h3>}
      {editing ? (
        <MemoEditor target={memo.target} memo={memo} autoFocus />
      ) : (
        <RichTextView className="memo-card__body" value={memo.bodyRich} fallback={memo.bodyText} />
      )}
      <div className="memo-card__foot">
        <span className="muted small">{editing ? '' : t('memos.by', { who: memo.updatedBy, when: formatDate(memo.updatedAt, i18n.language) })}</span>
        <button className="button button--small button--quiet" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
          {editing ? t('memos.doneEditing') : t('memos.edit')}
        </button>
      </div>
    </li>
  );
}

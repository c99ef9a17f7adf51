import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Turn } from '../../../shared/model.ts';
import { Highlighted } from '../../components/Highlighted.tsx';
import { formatDate, formatNumber, formatTimecode, showValue } from '../../components/format.ts';
import { useStore } from '../../store/index.ts';

const SPEAKER_TINTS = 4;

/**
 * The transcript as a well-set page: speaker and time quiet in the margin, the words at a reading
 * measure. Opened from a search hit, it scrolls to that turn and marks the words searched for.
 */
export function TranscriptView({ id, turn, query }: { id: string; turn: number | null; query: string }) {
  const { t, i18n } = useTranslation();
  const document = useStore((s) => (s.document?.id === id ? s.document : null));
  const documents = useStore((s) => s.documents);
  const participants = useStore((s) => s.participants);
  const loadDocument = useStore((s) => s.loadDocument);
  const navigate = useStore((s) => s.navigate);
  const reader = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void loadDocument(id);
  }, [id, loadDocument]);

  useEffect(() => {
    if (!document || turn === null) return;
    const target = reader.current?.querySelector<HTMLElement>(`[data-turn="${turn}"]`);
    target?.scrollIntoView({ block: 'center' });
    target?.focus({ preventScroll: true });
  }, [document, turn]);

  // Speakers in order of appearance get a tint each; the participant's own name reads strongest.
  const tints = useMemo(() => {
    const map = new Map<string, number>();
    for (const t of document?.turns ?? []) if (t.speaker && !map.has(t.speaker)) map.set(t.speaker, map.size % SPEAKER_TINTS);
    return map;
  }, [document]);

  const participant = participants.find((p) => p.id === document?.participantId);

  return (
    <div className="reader-layout">
      <nav className="doclist" aria-label={t('documents.title')}>
        <h2 className="eyebrow">{t('documents.title')}</h2>
        <ul>
          {documents.map((d) => (
            <li key={d.id}>
              <button className={d.id === id ? 'is-active' : ''} aria-current={d.id === id ? 'page' : undefined} onClick={() => navigate({ name: 'document', id: d.id, turn: null, query: '' })}>
                <span>{d.name}</span>
                <span className="muted small">{d.participantName ?? t('documents.noParticipant')}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>

      <article className="reader" ref={reader} aria-busy={!document}>
        {document ? (
          <>
            <header className="reader__header">
              <h1>{document.name}</h1>
              <p className="muted">
                {[document.participantName, t(`kind.${document.kind}`), t('documents.wordsCount', { words: formatNumber(document.wordCount, i18n.language) }), t('documents.turnsCount', { turns: formatNumber(document.turns.length, i18n.language) })]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              {query && (
                <p className="reader__query">
                  {t('transcript.marked', { query })}{' '}
                  <button className="link-button" onClick={() => navigate({ name: 'document', id, turn, query: '' })}>
                    {t('transcript.clearMarks')}
                  </button>{' '}
                  <button className="link-button" onClick={() => navigate({ name: 'search', query })}>
                    {t('transcript.backToResults')}
                  </button>
                </p>
              )}
            </header>
            {document.turns.map((item: Turn) => (
              <section key={item.position} className={`turn${item.position === turn ? ' turn--target' : ''}`} data-turn={item.position} tabIndex={-1} aria-label={t('transcript.turnLabel', { n: item.position + 1, speaker: item.speaker ?? t('transcript.noSpeaker') })}>
                <div className="turn__meta">
                  {item.speaker && <span className={`turn__speaker tint-${tints.get(item.speaker)}`}>{item.speaker}</span>}
                  {item.startMs !== null && <time className="turn__time">{formatTimecode(item.startMs)}</time>}
                </div>
                <div className="turn__text">
                  {item.text.split('\n').map((paragraph, k) => (
                    <p key={k}>
                      <Highlighted text={paragraph} query={query} />
                    </p>
                  ))}
                </div>
              </section>
            ))}
          </>
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )}
      </article>

      <aside className="details" aria-label={t('transcript.details')}>
        {document && (
          <>
            <h2 className="eyebrow">{t('transcript.participant')}</h2>
            {participant ? (
              <dl className="facts">
                <dt>{t('participants.name')}</dt>
                <dd>{participant.name}</dd>
                {Object.entries(participant.attributes).map(([key, value]) => (
                  <div key={key} className="facts__row">
                    <dt>{key}</dt>
                    <dd>{showValue(value, t('common.yes'), t('common.no'))}</dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p className="muted small">{t('transcript.noParticipantHelp')}</p>
            )}
            <h2 className="eyebrow">{t('transcript.source')}</h2>
            <dl className="facts">
              <dt>{t('transcript.file')}</dt>
              <dd>{document.sourceName}</dd>
              <dt>{t('transcript.importer')}</dt>
              <dd>{document.importer}</dd>
              <dt>{t('transcript.imported')}</dt>
              <dd>
                {formatDate(document.importedAt, i18n.language)} · {document.importedBy}
              </dd>
              <dt>{t('documents.speakers')}</dt>
              <dd>{document.speakers.join(', ') || '—'}</dd>
            </dl>
          </>
        )}
      </aside>
    </div>
  );
}

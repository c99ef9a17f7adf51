import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Turn } from '../../../shared/model.ts';
import { formatTimecode, parseTimecode } from '../../../shared/text/timecode.ts';
import type { TranscriptEditResult } from '../../../shared/transcripts.ts';
import { seed, write } from '../../data/index.ts';
import { patchDocument, patchSegments } from './patch.ts';

const NEW = '\u0000new';

/** The seeds of a correction's reply: the transcript and its segments, as the reader reads them. */
function seedCorrection(result: TranscriptEditResult): Array<string | null> {
  return [
    seed('documents/get', { id: result.documentId }, (document) => (document ? patchDocument(document, result) : undefined)),
    seed('segments/list', { documentId: result.documentId }, (segments) => (segments ? patchSegments(segments, result) : undefined)),
  ];
}


/**
 * Correcting one turn in place: its words, its speaker (one of the transcript's, or a new name), its
 * time; splitting it at the cursor or joining it with the next. Each action is one write, undone with
 * Ctrl+Z like any other; the codings on the turn follow its words (core/transcripts).
 */
export function TurnEditor(props: { documentId: string; turn: Turn; speakers: string[]; isLast: boolean; onDone(): void }) {
  const { t } = useTranslation();
  const { turn, documentId } = props;
  const [text, setText] = useState(turn.text);
  const [speaker, setSpeaker] = useState(turn.speaker ?? '');
  const [newSpeaker, setNewSpeaker] = useState('');
  const shownTime = turn.startMs === null ? '' : formatTimecode(turn.startMs);
  const [time, setTime] = useState(shownTime);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const n = turn.position + 1;

  // The turn shows its new words as soon as the reply is in (the seeds below); the editor closes
  // then, not after every other view the correction touched has been read again.
  const seedAndClose = (result: TranscriptEditResult) => {
    props.onDone();
    return seedCorrection(result);
  };
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      props.onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const save = () => {
    const chosen = speaker === NEW ? newSpeaker.trim() : speaker;
    // The field shows whole seconds: a time left as it was keeps its milliseconds.
    const startMs = time === shownTime ? turn.startMs : time.trim() === '' ? null : parseTimecode(time);
    if (startMs === null && time.trim() !== '') return setError(t('transcriptEdit.badTime', { value: time }));
    const change = {
      ...(text !== turn.text ? { text } : {}),
      ...(chosen !== (turn.speaker ?? '') && chosen !== '' ? { speaker: chosen } : {}),
      ...(startMs !== turn.startMs ? { startMs } : {}),
    };
    if (Object.keys(change).length === 0) return props.onDone();
    void run(() => write('transcript/edit-turn', { documentId, position: turn.position, ...change }, seedAndClose));
  };
  const split = () => {
    const at = area.current?.selectionStart ?? 0;
    void run(() => write('transcript/split-turn', { documentId, position: turn.position, at }, seedAndClose));
  };
  const join = () => void run(() => write('transcript/join-turns', { documentId, position: turn.position }, seedAndClose));

  const onKeyDown = (event: KeyboardEvent) => {
    // The reader's own keys (cursor, coding shortcuts) must not act while typing here.
    event.stopPropagation();
    if (event.key === 'Escape') props.onDone();
    else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    }
  };

  const textChanged = text !== turn.text;
  return (
    <div className="turn-editor" role="group" aria-label={t('transcriptEdit.editTurn', { n })} onKeyDown={onKeyDown} onMouseUp={(e) => e.stopPropagation()} onClick={(e) => e.stopPropagation()}>
      <textarea ref={area} className="turn-editor__text" aria-label={t('transcriptEdit.words', { n })} value={text} rows={Math.min(12, Math.max(3, Math.ceil(text.length / 70)))} onChange={(e) => setText(e.target.value)} autoFocus />
      <div className="turn-editor__fields">
        <label className="field field--inline small">
          <span>{t('transcriptEdit.speaker')}</span>
          <select value={speaker} onChange={(e) => setSpeaker(e.target.value)}>
            {turn.speaker === null && <option value="">—</option>}
            {props.speakers.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
            <option value={NEW}>{t('transcriptEdit.newSpeaker')}</option>
          </select>
        </label>
        {speaker === NEW && <input className="small" aria-label={t('transcriptEdit.newSpeakerName')} value={newSpeaker} onChange={(e) => setNewSpeaker(e.target.value)} autoFocus />}
        <label className="field field--inline small" title={t('transcriptEdit.timeHelp')}>
          <span>{t('transcriptEdit.time')}</span>
          <input className="turn-editor__time" value={time} placeholder="m:ss" onChange={(e) => setTime(e.target.value)} />
        </label>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button className="button button--small button--primary" disabled={busy} onClick={save}>
          {t('transcriptEdit.save')} <kbd>Ctrl+Enter</kbd>
        </button>
        <button className="button button--small" disabled={busy || textChanged} title={textChanged ? t('transcriptEdit.splitSaveFirst') : t('transcriptEdit.splitHelp')} onClick={split}>
          {t('transcriptEdit.split')}
        </button>
        {!props.isLast && (
          <button className="button button--small" disabled={busy || textChanged} onClick={join}>
            {t('transcriptEdit.join')}
          </button>
        )}
        <button className="button button--small" disabled={busy} onClick={props.onDone}>
          {t('transcriptEdit.cancel')}
        </button>
      </div>
      <p className="muted small">{t('transcriptEdit.hint')}</p>
    </div>
  );
}

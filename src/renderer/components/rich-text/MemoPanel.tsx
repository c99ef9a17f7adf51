import { useCallback, useEffect, useMemo, useRef, useState, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Memo, MemoTarget } from '../../../shared/model.ts';
import { useStore } from '../../store/index.ts';
import { formatDate } from '../format.ts';
import { lazyComponent } from '../lazy.tsx';
import { useRead } from '../../data/index.ts';

const RichTextEditor = lazyComponent(() => import('./RichTextEditor.tsx').then((m) => m.RichTextEditor));

const NO_MEMOS: Memo[] = [];

/** How long typing may pause before the memo is saved. */
const PAUSE_MS = 900;

/**
 * The memos of one target (a segment, label, document, participant or the project), each in its own
 * editor that saves by itself: after a short pause in typing and when focus leaves it. A target
 * without memos shows an empty editor, so writing the first one is just typing.
 */
export function MemoPanel({ target, heading }: { target: MemoTarget; heading?: string }) {
  const { t } = useTranslation();
  const read = useRead('memos/list', {});
  const all = read.data ?? NO_MEMOS;
  const loaded = read.data !== undefined;
  const targetKey = `${target.kind}:${target.id ?? ''}`;
  const kind = target.kind;
  const targetId = kind === 'project' ? null : (target.id ?? null);
  const memos = useMemo(() => all.filter((m) => m.target.kind === kind && m.target.id === targetId), [all, kind, targetId]);
  // The memo being written in the "new memo" editor: null until it is first saved. `serial` gives
  // every new-memo editor its own identity, so that it never carries an old memo's id.
  const [fresh, setFresh] = useState<{ targetKey: string; id: string | null; focus: boolean } | null>(null);
  const [serial, setSerial] = useState(0);
  const current = fresh?.targetKey === targetKey ? fresh : null;

  // The new memo was deleted or undone: its editor starts over.
  const freshGone = current?.id != null && loaded && !memos.some((m) => m.id === current.id);
  useEffect(() => {
    if (!freshGone) return;
    setFresh(null);
    setSerial((n) => n + 1);
  }, [freshGone]);

  const onCreated = useCallback((id: string) => setFresh({ targetKey, id, focus: false }), [targetKey]);
  const showFresh = current !== null || (loaded && memos.length === 0);
  const freshMemo = current?.id ? (memos.find((m) => m.id === current.id) ?? null) : null;
  const others = memos.filter((m) => m.id !== current?.id);
  const writingNew = showFresh && !freshMemo;

  return (
    <section className="memo-panel" aria-label={t('memos.panelLabel')}>
      <div className="memo-panel__head">
        <h2 className="eyebrow">{heading ?? (memos.length > 1 ? t('memos.memos', { count: memos.length }) : t('memos.memo'))}</h2>
        {!writingNew && (
          <button
            className="button button--small button--quiet"
            onClick={() => {
              setSerial((n) => n + 1);
              setFresh({ targetKey, id: null, focus: true });
            }}
          >
            + {t('memos.add')}
          </button>
        )}
      </div>
      {showFresh && <MemoEditor key={`fresh-${targetKey}-${serial}`} target={target} memo={freshMemo} autoFocus={current?.focus ?? false} onCreated={onCreated} />}
      {others.map((memo) => (
        <MemoEditor key={memo.id} target={target} memo={memo} />
      ))}
    </section>
  );
}

type Status = 'idle' | 'unsaved' | 'saving' | 'saved' | 'failed';

/** One memo in an editor that saves itself (also used alone, e.g. to edit a memo in a list); `memo` null is a memo not yet written. */
export function MemoEditor({ target, memo, autoFocus = false, onCreated }: { target: MemoTarget; memo: Memo | null; autoFocus?: boolean; onCreated?(id: string): void }) {
  const { t, i18n } = useTranslation();
  const saveMemo = useStore((s) => s.saveMemo);
  const deleteMemo = useStore((s) => s.deleteMemo);
  // What the editor shows while it is ahead of the store; null when the store has caught up.
  const [draft, setDraft] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>('idle');
  const id = useRef(memo?.id ?? null);
  const saved = useRef(memo?.bodyRich ?? null);
  const pending = useRef<{ json: string; text: string } | null>(null);
  const busy = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const targetRef = useRef(target);
  targetRef.current = target;

  // A change from elsewhere (undo, another window) is what is stored now.
  useEffect(() => {
    if (!pending.current && !busy.current && memo) saved.current = memo.bodyRich;
  }, [memo?.bodyRich, memo]);

  // One save at a time; edits made meanwhile are saved right after, so nothing is lost or doubled.
  const flush = useCallback(async () => {
    window.clearTimeout(timer.current);
    if (busy.current) return;
    busy.current = true;
    let failed = false;
    try {
      while (pending.current) {
        const next = pending.current;
        pending.current = null;
        if (next.json === saved.current) continue;
        if (!id.current && next.text.trim() === '') continue;
        setStatus('saving');
        const result = await saveMemo({ id: id.current ?? undefined, target: targetRef.current, bodyRich: next.json, bodyText: next.text }, (memo) => {
          saved.current = memo.bodyRich;
          if (!id.current) {
            id.current = memo.id;
            onCreated?.(memo.id);
          }
        });
        if (!result) {
          failed = true;
          break;
        }
      }
    } finally {
      busy.current = false;
    }
    setStatus(failed ? 'failed' : id.current ? 'saved' : 'idle');
    if (!failed) setDraft((d) => (d === saved.current ? null : d));
  }, [saveMemo, onCreated]);

  // Leaving the page (or the segment) saves what was typed.
  useEffect(
    () => () => {
      window.clearTimeout(timer.current);
      const next = pending.current;
      if (next && next.json !== saved.current && (id.current || next.text.trim() !== '')) {
        void saveMemo({ id: id.current ?? undefined, target: targetRef.current, bodyRich: next.json, bodyText: next.text });
      }
    },
    [saveMemo],
  );

  const onChange = (json: string, text: string) => {
    setDraft(json);
    pending.current = { json, text };
    setStatus('unsaved');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flush(), PAUSE_MS);
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) void flush();
  };

  const statusText = { idle: '', unsaved: t('memos.unsaved'), saving: t('memos.saving'), saved: t('memos.saved'), failed: t('memos.failed') }[status];
  return (
    <div className="memo-editor" onBlur={onBlur}>
      <RichTextEditor
        value={draft ?? memo?.bodyRich ?? null}
        onChange={onChange}
        label={t(`memos.editorLabel.${target.kind}`)}
        placeholder={t(`memos.placeholder.${target.kind}`)}
        autoFocus={autoFocus}
        compact
      />
      <div className="memo-editor__meta">
        <span className="muted small">{memo ? t('memos.by', { who: memo.updatedBy, when: formatDate(memo.updatedAt, i18n.language) }) : ''}</span>
        <span className={`memo-editor__status small${status === 'failed' ? ' is-failed' : status === 'saved' ? ' is-saved' : ''}`} role="status" aria-live="polite">
          {status === 'saved' ? '✓ ' : ''}
          {statusText}
        </span>
        {memo && (
          <button
            className="icon-button memo-editor__delete"
            aria-label={t('memos.delete')}
            title={t('memos.delete')}
            onClick={() => {
              window.clearTimeout(timer.current);
              pending.current = null;
              void deleteMemo(memo.id);
            }}
          >
            ×
          </button>
        )}
      </div>
    </div>
  );
}

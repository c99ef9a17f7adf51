import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListItemNode, ListNode, REMOVE_LIST_COMMAND } from '@lexical/list';
import { AutoFocusPlugin } from '@lexical/react/LexicalAutoFocusPlugin';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { $getNearestNodeOfType } from '@lexical/utils';
import {
  $createParagraphNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  FORMAT_TEXT_COMMAND,
  HISTORY_MERGE_TAG,
  type EditorState,
  type LexicalEditor,
} from 'lexical';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { parseRich, plainTextOf } from './plain-text.ts';

export { plainTextOf } from './plain-text.ts';

export interface RichTextEditorProps {
  /** Lexical editor state as JSON, or null for an empty editor. */
  value: string | null;
  /** Called on every edit with the new state (JSON) and its plain text. */
  onChange(json: string, text: string): void;
  /** The accessible name of the text area. */
  label: string;
  placeholder?: string;
  autoFocus?: boolean;
  /** Smaller: for side panels and inline fields. */
  compact?: boolean;
}

const THEME = {
  paragraph: 'rte__p',
  list: { ul: 'rte__ul', ol: 'rte__ol', listitem: 'rte__li', nested: { listitem: 'rte__li--nested' } },
  text: { bold: 'rte__bold', italic: 'rte__italic', underline: 'rte__underline', strikethrough: 'rte__strike' },
};

/** A stored value the editor can open; anything else starts empty rather than breaking the page. */
function usable(value: string | null): string | null {
  return value && parseRich(value) ? value : null;
}

/**
 * Rich text (bold, italic, bulleted and numbered lists) with undo inside the field (Ctrl+Z while
 * typing). `value` is read when it changes: a value that differs from what the editor last reported
 * (an undo elsewhere, another memo) replaces the content; the editor's own echo does not.
 */
export function RichTextEditor({ value, onChange, label, placeholder, autoFocus = false, compact = false }: RichTextEditorProps) {
  const id = useId();
  const lastValue = useRef<string | null>(usable(value));
  // The toolbar shows the format at the caret only while the editor (text or toolbar) has focus.
  const [focused, setFocused] = useState(false);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const initialConfig: InitialConfigType = {
    namespace: 'duiding-rich-text',
    nodes: [ListNode, ListItemNode],
    theme: THEME,
    editorState: lastValue.current ?? undefined,
    onError: (error) => {
      throw error;
    },
  };
  return (
    <div
      className={`rte${compact ? ' rte--compact' : ''}`}
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(false);
      }}
    >
      <LexicalComposer initialConfig={initialConfig}>
        <Toolbar controls={id} focused={focused} />
        <div className="rte__body">
          <RichTextPlugin
            contentEditable={
              placeholder ? (
                <ContentEditable id={id} className="rte__content" aria-label={label} aria-multiline aria-placeholder={placeholder} placeholder={<div className="rte__placeholder">{placeholder}</div>} />
              ) : (
                <ContentEditable id={id} className="rte__content" aria-label={label} aria-multiline />
              )
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <HistoryPlugin />
        <ListPlugin />
        {autoFocus && <AutoFocusPlugin defaultSelection="rootEnd" />}
        <OnChangePlugin
          ignoreSelectionChange
          onChange={(state: EditorState) => {
            const json = JSON.stringify(state.toJSON());
            if (json === lastValue.current) return;
            lastValue.current = json;
            onChangeRef.current(json, plainTextOf(json));
          }}
        />
        <ValuePlugin value={value} lastValue={lastValue} />
      </LexicalComposer>
    </div>
  );
}

/** Puts a new `value` from outside into the editor, without an undo step of the editor's own. */
function ValuePlugin({ value, lastValue }: { value: string | null; lastValue: MutableRefObject<string | null> }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const next = usable(value);
    if (next === lastValue.current) return;
    lastValue.current = next;
    if (next === null) {
      editor.update(() => {
        $getRoot().clear().append($createParagraphNode());
        // Without this the kept selection lands in the new paragraph and the editor takes focus:
        // after an undo emptied a definition, the next Ctrl+Z went to the editor, not the project.
        $setSelection(null);
      }, { tag: HISTORY_MERGE_TAG });
    } else {
      editor.setEditorState(editor.parseEditorState(next), { tag: HISTORY_MERGE_TAG });
    }
  }, [editor, value, lastValue]);
  return null;
}

interface FormatState {
  bold: boolean;
  italic: boolean;
  list: 'bullet' | 'number' | null;
}

const NO_FORMAT: FormatState = { bold: false, italic: false, list: null };

function readFormat(editor: LexicalEditor): FormatState {
  return editor.getEditorState().read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return NO_FORMAT;
    const list = $getNearestNodeOfType(selection.anchor.getNode(), ListNode);
    const type = list?.getListType();
    return { bold: selection.hasFormat('bold'), italic: selection.hasFormat('italic'), list: type === 'bullet' || type === 'number' ? type : null };
  });
}

/**
 * The formatting buttons: one tab stop, arrow keys move between them (the ARIA toolbar pattern);
 * Ctrl+B and Ctrl+I work in the text as well.
 */
function Toolbar({ controls, focused }: { controls: string; focused: boolean }) {
  const { t } = useTranslation();
  const [editor] = useLexicalComposerContext();
  const [caret, setFormat] = useState<FormatState>(NO_FORMAT);
  const format = focused ? caret : NO_FORMAT;
  const [active, setActive] = useState(0);
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);

  useEffect(() => editor.registerUpdateListener(() => setFormat(readFormat(editor))), [editor]);

  const toggleList = (type: 'bullet' | 'number') => {
    if (format.list === type) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    else editor.dispatchCommand(type === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
  };
  const items = [
    { key: 'bold', label: t('memos.editor.bold'), shortcut: 'Ctrl+B', pressed: format.bold, glyph: <b>B</b>, run: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold') },
    { key: 'italic', label: t('memos.editor.italic'), shortcut: 'Ctrl+I', pressed: format.italic, glyph: <i>I</i>, run: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic') },
    { key: 'bullet', label: t('memos.editor.bullets'), shortcut: '', pressed: format.list === 'bullet', glyph: <BulletIcon />, run: () => toggleList('bullet') },
    { key: 'number', label: t('memos.editor.numbers'), shortcut: '', pressed: format.list === 'number', glyph: <NumberIcon />, run: () => toggleList('number') },
  ];

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowRight: active + 1, ArrowLeft: active - 1, Home: 0, End: items.length - 1 };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = (to + items.length) % items.length;
    setActive(next);
    buttons.current[next]?.focus();
  };

  return (
    <div className="rte__toolbar" role="toolbar" aria-label={t('memos.editor.toolbar')} aria-controls={controls} onKeyDown={onKeyDown}>
      {items.map((item, i) => (
        <button
          key={item.key}
          ref={(el) => {
            buttons.current[i] = el;
          }}
          type="button"
          className="rte__tool"
          tabIndex={i === active ? 0 : -1}
          aria-pressed={item.pressed}
          aria-label={item.label}
          title={item.shortcut ? `${item.label} (${item.shortcut})` : item.label}
          // Keep the text selection: a mouse press would otherwise move focus out of the editor first.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            setActive(i);
            item.run();
            editor.focus();
          }}
        >
          {item.glyph}
        </button>
      ))}
    </div>
  );
}

function BulletIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <circle cx="3" cy="4" r="1.4" fill="currentColor" />
      <circle cx="3" cy="8" r="1.4" fill="currentColor" />
      <circle cx="3" cy="12" r="1.4" fill="currentColor" />
      <path d="M6.5 4h8M6.5 8h8M6.5 12h8" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
    </svg>
  );
}

function NumberIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <text x="0.5" y="6" fontSize="5.5" fill="currentColor" fontFamily="sans-serif">1</text>
      <text x="0.5" y="13.5" fontSize="5.5" fill="currentColor" fontFamily="sans-serif">2</text>
      <path d="M6.5 4.5h8M6.5 11.5h8" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
    </svg>
  );
}

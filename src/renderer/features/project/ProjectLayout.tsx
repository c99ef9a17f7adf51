import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index.ts';
import type { Route } from '../../store/route.ts';
import { CoderButton } from './CoderButton.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

const TABS: Array<{ route: Route; key: string; match: Route['name'][] }> = [
  { route: { name: 'documents' }, key: 'nav.documents', match: ['documents', 'document'] },
  { route: { name: 'codebook', labelId: null }, key: 'nav.codebook', match: ['codebook'] },
  { route: { name: 'retrieval', labelId: null, params: {} }, key: 'nav.retrieval', match: ['retrieval'] },
  { route: { name: 'memos' }, key: 'nav.memos', match: ['memos'] },
  { route: { name: 'participants' }, key: 'nav.participants', match: ['participants'] },
  { route: { name: 'search', query: '' }, key: 'nav.search', match: ['search'] },
];

/** The frame of an open project: its title, the sections, search anywhere (Ctrl+K or /), language. */
export function ProjectLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const project = useStore((s) => s.project)!;
  const route = useStore((s) => s.route);
  const navigate = useStore((s) => s.navigate);
  const closeProject = useStore((s) => s.closeProject);
  const history = useStore((s) => s.history);
  const undo = useStore((s) => s.undo);
  const redo = useStore((s) => s.redo);
  const [query, setQuery] = useState(route.name === 'search' ? route.query : '');
  const searchBox = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (route.name === 'search') setQuery(route.query);
  }, [route]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName);
      const editing = typing || (event.target instanceof HTMLElement && event.target.isContentEditable);
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z' && !editing) {
        event.preventDefault();
        void (event.shiftKey ? redo() : undo());
        return;
      }
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'y' && !editing) {
        event.preventDefault();
        void redo();
        return;
      }
      if ((event.key === 'k' && (event.ctrlKey || event.metaKey)) || (event.key === '/' && !typing)) {
        event.preventDefault();
        searchBox.current?.focus();
        searchBox.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate({ name: 'search', query: query.trim() });
  };

  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">Duiding</span>
        <span className="topbar__project" title={project.path}>
          {project.title}
        </span>
        <nav className="tabs" aria-label={t('nav.label')}>
          {TABS.map((tab) => (
            <button
              key={tab.key}
              className={`tabs__tab${tab.match.includes(route.name) ? ' is-active' : ''}`}
              aria-current={tab.match.includes(route.name) ? 'page' : undefined}
              onClick={() => navigate(tab.route)}
            >
              {t(tab.key)}
            </button>
          ))}
        </nav>
        <form className="topbar__search" role="search" onSubmit={submit}>
          <input
            ref={searchBox}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t('search.placeholder')}
            aria-label={t('search.label')}
          />
        </form>
        <div className="history" role="group" aria-label={t('history.label')}>
          <button className="icon-button" onClick={() => void undo()} disabled={!history.canUndo} aria-label={t('history.undo')} title={t('history.undo')}>
            ↶
          </button>
          <button className="icon-button" onClick={() => void redo()} disabled={!history.canRedo} aria-label={t('history.redo')} title={t('history.redo')}>
            ↷
          </button>
        </div>
        <CoderButton />
        <LanguageSwitch />
        <button className="button button--quiet" onClick={() => void closeProject()}>
          {t('nav.close')}
        </button>
      </header>
      <main className="workspace">{children}</main>
    </div>
  );
}

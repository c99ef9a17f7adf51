import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RoundsNav, RoundScreens } from '../rounds/RoundsNav.tsx';
import { useStore } from '../../store/index.ts';
import { CoderButton } from './CoderButton.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { BackupsButton } from '../protect/BackupsButton.tsx';
import { MergeButton } from '../merge/MergeButton.tsx';
import { useHistory } from '../../data/reads.ts';

/** The frame of an open project: its title, the rounds, search anywhere (Ctrl+K or /), undo; below, the round's screens, coder, language. */
export function ProjectLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const project = useStore((s) => s.project)!;
  const route = useStore((s) => s.route);
  const navigate = useStore((s) => s.navigate);
  const closeProject = useStore((s) => s.closeProject);
  const history = useHistory();
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
        <RoundsNav />
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
      </header>
      {/* The second line: the screens of the current round, and the actions one needs now and then.
          Keeping them off the first line leaves the project title room at laptop widths. */}
      <div className="subbar">
        <RoundScreens />
        <div className="subbar__actions">
          <CoderButton />
          <BackupsButton />
          <MergeButton />
          <LanguageSwitch />
          <button className="button button--quiet button--small" onClick={() => void closeProject()}>
            {t('nav.close')}
          </button>
        </div>
      </div>
      <main className="workspace">{children}</main>
    </div>
  );
}

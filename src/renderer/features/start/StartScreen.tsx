import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hasNativeDialogs } from '../../data/index.ts';
import { formatDate, formatNumber } from '../../components/format.ts';
import { recentProjects, useStore } from '../../store/index.ts';
import { useData } from '../../data/index.ts';
import type { ProjectEntry } from '../../../shared/model.ts';
import { LanguageSwitch } from '../project/LanguageSwitch.tsx';

const NO_PROJECTS: ProjectEntry[] = [];

export function StartScreen() {
  const { t, i18n } = useTranslation();
  const projects = useData('projects/list', {}, NO_PROJECTS);
  const createProject = useStore((s) => s.createProject);
  const openProject = useStore((s) => s.openProject);
  const chooseProject = useStore((s) => s.chooseProject);
  const [title, setTitle] = useState('');
  const recent = recentProjects()
    .map((fileName) => projects.find((p) => p.fileName === fileName))
    .filter((p): p is NonNullable<typeof p> => p !== undefined && p.problem === null)
    .slice(0, 4);
  // A short folder is its own recent list; the section earns its place once there is more to scan.
  const showRecent = recent.length > 0 && projects.length > recent.length + 2;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (title.trim()) void createProject(title.trim());
  };

  return (
    <div className="start">
      <header className="start__header">
        <div>
          <h1 className="brand brand--large">Duiding</h1>
          <p className="start__tagline">{t('start.tagline')}</p>
        </div>
        <LanguageSwitch />
      </header>

      <div className="start__grid">
        <section className="card" aria-labelledby="new-project">
          <h2 id="new-project">{t('start.newTitle')}</h2>
          <p className="muted">{t('start.newHelp')}</p>
          <form onSubmit={submit} className="stack">
            <label className="field">
              <span>{t('start.titleLabel')}</span>
              <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t('start.titlePlaceholder')} required />
            </label>
            <div className="button-row">
              <button type="submit" className="button button--primary" disabled={!title.trim()}>
                {t('start.create')}
              </button>
              {hasNativeDialogs && (
                <button type="button" className="button" disabled={!title.trim()} onClick={() => void chooseProject('create', title.trim())}>
                  {t('start.createElsewhere')}
                </button>
              )}
            </div>
          </form>
        </section>

        <section className="card" aria-labelledby="open-project">
          <h2 id="open-project">{t('start.openTitle')}</h2>
          {showRecent && (
            <>
              <h3 className="eyebrow">{t('start.recent')}</h3>
              <ul className="project-list">
                {recent.map((p) => (
                  <li key={`recent-${p.fileName}`}>
                    <button className="project-list__item" onClick={() => void openProject(p.fileName)}>
                      <span className="project-list__title">{p.title}</span>
                      <span className="muted">{t('start.documents', { count: p.documents, formatted: formatNumber(p.documents, i18n.language) })}</span>
                    </button>
                  </li>
                ))}
              </ul>
              <h3 className="eyebrow">{t('start.all')}</h3>
            </>
          )}
          {projects.length === 0 ? (
            <p className="empty">{t('start.none')}</p>
          ) : (
            <ul className="project-list">
              {projects.map((p) => (
                <li key={p.fileName}>
                  <button className="project-list__item" disabled={p.problem !== null} onClick={() => void openProject(p.fileName)} title={p.problem ?? undefined}>
                    <span className="project-list__title">{p.title}</span>
                    <span className="muted">
                      {p.fileName} · {p.problem ?? t('start.documents', { count: p.documents, formatted: formatNumber(p.documents, i18n.language) })} · {t('start.modified', { date: formatDate(p.modifiedAt, i18n.language) })}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      {hasNativeDialogs && (
        <p className="start__other">
          <button className="button" onClick={() => void chooseProject('open')}>
            {t('start.openElsewhere')}
          </button>
        </p>
      )}
      <p className="start__footer muted">{t('start.privacy')}</p>
    </div>
  );
}

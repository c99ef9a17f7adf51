import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index.ts';
import { ExportButton } from './ExportButton.tsx';
import { GenerateDialog } from './GenerateDialog.tsx';
import { OutlineEditor } from './OutlineEditor.tsx';
import { OutlinePreview } from './OutlinePreview.tsx';
import { ReportLayoutPanel, useKeptReportOptions } from './ReportLayout.tsx';
import { useRoundStatus } from '../../data/reads.ts';
import { useData } from '../../data/index.ts';

/** The report round: the outline to edit on the left, the report as it will be exported on the right. */
export function OutlineView() {
  const { t } = useTranslation();
  const project = useStore((s) => s.project)!;
  const outline = useData('outline/get', {}, null);
  const generate = useStore((s) => s.generateOutline);
  const addSection = useStore((s) => s.addOutlineSection);
  const status = useRoundStatus();
  const [confirm, setConfirm] = useState(false);
  const { i18n } = useTranslation();
  // The fixed texts (the default subtitle) follow the app's language, as the export dialog's do; the
  // rest of the layout is what the project keeps, as every export uses it.
  const language = i18n.language === 'en' ? ('en' as const) : ('nl' as const);
  const previewOptions = useKeptReportOptions(language);

  const hasSections = (outline?.sections.length ?? 0) > 0;
  const questions = status?.round3.learningQuestions ?? 0;
  const tensions = status?.round3.tensions ?? 0;
  const onGenerate = () => (hasSections ? setConfirm(true) : void generate({ language }));

  return (
    <div className="report">
      <header className="report__header">
        <div>
          <h1>{t('outline.title')}</h1>
          <p className="muted">
            {hasSections ? t('outline.summary', { sections: status?.report.sections ?? outline!.sections.length, items: status?.report.items ?? 0 }) : t('outline.subtitle')}
          </p>
        </div>
        <div className="button-row">
          <button type="button" className="button" onClick={onGenerate} disabled={questions + tensions === 0} title={questions + tensions === 0 ? t('outline.generateNeeds') : t('outline.generateHelp', { questions, tensions })}>
            {t('outline.generate')}
          </button>
          <button type="button" className="button" onClick={() => void addSection({ parentId: null, title: t('outline.newSection') })}>
            + {t('outline.section')}
          </button>
          <ExportButton />
        </div>
      </header>
      {!outline ? (
        <p className="muted report__loading">{t('common.loading')}</p>
      ) : !hasSections ? (
        <section className="empty-state report__empty">
          <h2>{t('outline.emptyTitle')}</h2>
          <p>{questions + tensions > 0 ? t('outline.emptyHelp', { questions, tensions }) : t('outline.emptyNeeds')}</p>
          <div className="button-row empty-state__action">
            <button type="button" className="button button--primary" disabled={questions + tensions === 0} onClick={() => void generate({ language })}>
              {t('outline.generate')}
            </button>
            <button type="button" className="button" onClick={() => void addSection({ parentId: null, title: t('outline.newSection') })}>
              + {t('outline.section')}
            </button>
          </div>
        </section>
      ) : (
        <div className="report__body">
          <div className="report__editor" aria-label={t('outline.editor')} role="region">
            <p className="muted small report__hint">{t('outline.hint')}</p>
            <ReportLayoutPanel projectTitle={project.title} language={language} />
            <OutlineEditor outline={outline} />
          </div>
          <div className="report__preview">
            <OutlinePreview outline={outline} title={project.title} options={previewOptions} />
          </div>
        </div>
      )}
      <GenerateDialog open={confirm} language={language} onClose={() => setConfirm(false)} />
    </div>
  );
}

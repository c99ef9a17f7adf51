import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tension, TensionPart, TensionQuote } from '../../../shared/analysis.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { SavedTextarea } from '../../components/SavedTextarea.tsx';
import { useStore } from '../../store/index.ts';
import { ConceptChips, LineList, SavedInput } from '../rounds/fields.tsx';
import { ItemScreen } from '../rounds/ItemScreen.tsx';
import { SupportingQuotes } from '../rounds/SupportingQuotes.tsx';
import { useConcepts, useRoundStatus, useTensions } from '../../data/reads.ts';
import { useRead } from '../../data/index.ts';

function GroupOptions({ id }: { id: string }) {
  const tensions = useTensions();
  const groups = [...new Set(tensions.map((x) => x.group).filter(Boolean))];
  return (
    <datalist id={id}>
      {groups.map((g) => (
        <option key={g} value={g} />
      ))}
    </datalist>
  );
}

function NewTensionDialog({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(tension: Tension): void }) {
  const { t } = useTranslation();
  const create = useStore((s) => s.createTension);
  const [title, setTitle] = useState('');
  const [poleA, setPoleA] = useState('');
  const [poleB, setPoleB] = useState('');
  const [group, setGroup] = useState('');
  const groupsId = useId();
  useEffect(() => {
    if (open) {
      setTitle('');
      setPoleA('');
      setPoleB('');
      setGroup('');
    }
  }, [open]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const made = await create({ title: title.trim(), poleA: poleA.trim(), poleB: poleB.trim(), group: group.trim() || undefined });
    if (made) onCreated(made);
  };
  return (
    <Dialog open={open} onClose={onClose} title={t('tensions.newTitle')} description={t('tensions.newHelp')}>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{t('tensions.titleField')}</span>
          <input autoFocus value={title} maxLength={200} placeholder={t('tensions.titlePlaceholder')} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <div className="tension-poles">
          <label className="field">
            <span>{t('tensions.poleA')}</span>
            <input value={poleA} maxLength={500} placeholder={t('tensions.poleAPlaceholder')} onChange={(e) => setPoleA(e.target.value)} />
          </label>
          <span className="tension-poles__between" aria-hidden="true">
            ↔
          </span>
          <label className="field">
            <span>{t('tensions.poleB')}</span>
            <input value={poleB} maxLength={500} placeholder={t('tensions.poleBPlaceholder')} onChange={(e) => setPoleB(e.target.value)} />
          </label>
        </div>
        <label className="field">
          <span>{t('tensions.group')}</span>
          <input list={groupsId} value={group} placeholder={t('tensions.groupPlaceholder')} onChange={(e) => setGroup(e.target.value)} />
          <GroupOptions id={groupsId} />
        </label>
        <footer className="dialog__footer">
          <button type="button" className="button button--quiet" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={!title.trim()}>
            {t('tensions.create')}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}

/**
 * The order in which "Generate" puts the tension's findings, quotes and implications into the report
 * (the appendix puts some tensions' implications before their quotes).
 */
function ReportOrder({ tension }: { tension: Tension }) {
  const { t } = useTranslation();
  const update = useStore((s) => s.updateTension);
  const move = (index: number, by: -1 | 1) => {
    const order = [...tension.reportOrder];
    [order[index], order[index + by]] = [order[index + by]!, order[index]!];
    void update({ id: tension.id, reportOrder: order });
  };
  return (
    <section className="item-page__section tension-order" aria-labelledby="tension-order-title">
      <h2 id="tension-order-title" className="eyebrow">
        {t('tensions.reportOrder')}
      </h2>
      <p className="muted small">{t('tensions.reportOrderHelp')}</p>
      <ol className="tension-order__list">
        {tension.reportOrder.map((part: TensionPart, index) => (
          <li key={part} className="tension-order__part">
            <span>{t(`tensions.parts.${part}`)}</span>
            <button type="button" className="icon-button" disabled={index === 0} aria-label={t('tensions.partEarlier', { part: t(`tensions.parts.${part}`) })} onClick={() => move(index, -1)}>
              ↑
            </button>
            <button type="button" className="icon-button" disabled={index === tension.reportOrder.length - 1} aria-label={t('tensions.partLater', { part: t(`tensions.parts.${part}`) })} onClick={() => move(index, 1)}>
              ↓
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

function TensionPage({ tension }: { tension: Tension }) {
  const { t } = useTranslation();
  const update = useStore((s) => s.updateTension);
  const remove = useStore((s) => s.deleteTension);
  const concepts = useConcepts();
  const groupsId = useId();
  const conceptItems = useMemo(() => concepts.map((c) => ({ id: c.id, name: c.name, colour: c.colour })), [concepts]);
  const poles = new Map(tension.quotes.map((q) => [q.segmentId, q.pole]));
  const setQuotes = (quotes: TensionQuote[]) => void update({ id: tension.id, quotes });
  const poleName = (pole: 1 | 2) => (pole === 1 ? tension.poleA || t('tensions.poleA') : tension.poleB || t('tensions.poleB'));
  return (
    <article className="item-page" aria-labelledby="tension-title">
      <header className="item-page__header">
        <p className="eyebrow">
          {t('tensions.one')}
          {tension.group ? ` · ${tension.group}` : ''}
        </p>
        <h1 id="tension-title" className="visually-hidden">
          {tension.title}
        </h1>
        <SavedInput className="item-page__title" label={t('tensions.titleField')} hideLabel required value={tension.title} onSave={(title) => void update({ id: tension.id, title })} />
      </header>
      <div className="tension-poles tension-poles--page">
        <SavedInput label={t('tensions.poleA')} value={tension.poleA} placeholder={t('tensions.poleAPlaceholder')} onSave={(poleA) => void update({ id: tension.id, poleA })} />
        <span className="tension-poles__between" aria-hidden="true">
          ↔
        </span>
        <SavedInput label={t('tensions.poleB')} value={tension.poleB} placeholder={t('tensions.poleBPlaceholder')} onSave={(poleB) => void update({ id: tension.id, poleB })} />
      </div>
      <div className="item-page__level">
        <SavedInput label={t('tensions.group')} list={groupsId} value={tension.group} placeholder={t('tensions.groupPlaceholder')} onSave={(group) => void update({ id: tension.id, group })} />
        <GroupOptions id={groupsId} />
      </div>
      <div className="item-page__columns">
        <LineList label={t('tensions.findings')} lines={tension.findings} addLabel={t('tensions.addFinding')} placeholder={t('tensions.findingPlaceholder')} onSave={(findings) => void update({ id: tension.id, findings })} />
        <LineList label={t('tensions.implications')} lines={tension.implications} prefix="-->" addLabel={t('tensions.addImplication')} placeholder={t('tensions.implicationPlaceholder')} onSave={(implications) => void update({ id: tension.id, implications })} />
      </div>
      <section className="item-page__section">
        <h2 className="eyebrow">{t('tensions.concepts')}</h2>
        <ConceptChips conceptIds={tension.conceptIds} concepts={conceptItems} onChange={(conceptIds) => void update({ id: tension.id, conceptIds })} />
      </section>
      <SupportingQuotes
        title={t('tensions.quotes')}
        segmentIds={tension.quotes.map((q) => q.segmentId)}
        concepts={tension.conceptIds}
        onChange={(ids) => setQuotes(ids.map((segmentId) => ({ segmentId, pole: poles.get(segmentId) ?? null })))}
        extra={(quote) => (
          <label className="quote__pole">
            <span className="visually-hidden">{t('tensions.speaksFor')}</span>
            <select
              value={String(poles.get(quote.segmentId) ?? '')}
              onChange={(e) => {
                const pole = e.target.value === '1' ? 1 : e.target.value === '2' ? 2 : null;
                setQuotes(tension.quotes.map((q) => (q.segmentId === quote.segmentId ? { ...q, pole } : q)));
              }}
            >
              <option value="">{t('tensions.wholeTension')}</option>
              <option value="1">{t('tensions.forPole', { pole: poleName(1) })}</option>
              <option value="2">{t('tensions.forPole', { pole: poleName(2) })}</option>
            </select>
          </label>
        )}
      />
      <ReportOrder tension={tension} />
      <section className="item-page__section">
        <SavedTextarea label={t('tensions.memo')} value={tension.memo} rows={4} placeholder={t('tensions.memoPlaceholder')} onSave={(memo) => void update({ id: tension.id, memo })} />
      </section>
      <footer className="item-page__footer">
        <button type="button" className="button button--danger-quiet" onClick={() => void remove(tension.id)}>
          {t('tensions.delete')}
        </button>
        <span className="muted small">{t('rounds.undoHint')}</span>
      </footer>
    </article>
  );
}

/** Round 3: tensions by group; the chosen one in the middle. */
export function TensionsView({ id }: { id: string | null }) {
  const { t } = useTranslation();
  const tensions = useTensions();
  const status = useRoundStatus();
  const loaded = useRead('tensions/list', {}).data !== undefined;
  const move = useStore((s) => s.moveTension);
  const navigate = useStore((s) => s.navigate);
  const choose = useCallback((tid: string | null) => navigate({ name: 'tensions', id: tid }), [navigate]);
  const open = new Set(status?.round3.tensionsWithoutImplications ?? []);
  return (
    <ItemScreen
      items={tensions}
      loaded={loaded}
      id={id}
      choose={choose}
      toItem={(x) => ({
        id: x.id,
        title: x.title,
        group: x.group,
        meta: x.poleA || x.poleB ? `${x.poleA || '…'} ↔ ${x.poleB || '…'}` : undefined,
        open: open.has(x.id),
      })}
      onMove={(tid, index) => void move(tid, index)}
      text={{ list: t('tensions.list'), title: t('tensions.countTitle', { count: tensions.length }), new: t('tensions.new'), noGroup: t('tensions.noGroup'), emptyTitle: t('tensions.emptyTitle'), emptyHelp: t('tensions.emptyHelp') }}
      page={(x) => <TensionPage key={x.id} tension={x} />}
      newDialog={(dialog) => <NewTensionDialog {...dialog} />}
    />
  );
}

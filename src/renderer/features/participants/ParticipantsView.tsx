import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTRIBUTE_TYPES, type AttributeDefinition, type AttributeType, type AttributeValue, type Participant } from '../../../shared/model.ts';
import { useStore } from '../../store/index.ts';
import { ParticipantDetail } from './ParticipantDetail.tsx';
import { useMemos, useParticipants } from '../../data/reads.ts';

/** A cell that saves when the user leaves it (or presses Enter), typed by its attribute. */
function AttributeCell({ participant, attribute }: { participant: Participant; attribute: AttributeDefinition }) {
  const { t } = useTranslation();
  const update = useStore((s) => s.updateParticipant);
  const value = participant.attributes[attribute.name];
  const label = t('participants.cellLabel', { attribute: attribute.name, name: participant.name });
  const save = (next: AttributeValue | null) => {
    if (next === (value ?? null)) return;
    void update(participant.id, { attributes: { [attribute.name]: next } });
  };
  if (attribute.type === 'boolean') {
    return <input type="checkbox" aria-label={label} checked={value === true} onChange={(e) => save(e.target.checked)} />;
  }
  const inputType = attribute.type === 'number' ? 'number' : attribute.type === 'date' ? 'date' : 'text';
  return (
    <input
      className="cell-input"
      type={inputType}
      aria-label={label}
      defaultValue={value === undefined ? '' : String(value)}
      key={String(value)}
      onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
      onBlur={(e) => {
        const raw = e.target.value.trim();
        save(raw === '' ? null : attribute.type === 'number' ? Number(raw) : raw);
      }}
    />
  );
}

function NameCell({ participant }: { participant: Participant }) {
  const { t } = useTranslation();
  const update = useStore((s) => s.updateParticipant);
  return (
    <input
      className="cell-input cell-input--name"
      aria-label={t('participants.nameLabel', { name: participant.name })}
      defaultValue={participant.name}
      key={participant.name}
      onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
      onBlur={(e) => {
        const name = e.target.value.trim();
        if (name && name !== participant.name) void update(participant.id, { name });
        else e.target.value = participant.name;
      }}
    />
  );
}

export function ParticipantsView() {
  const { t } = useTranslation();
  const { participants, attributes } = useParticipants();
  const createAttribute = useStore((s) => s.createAttribute);
  const [newAttribute, setNewAttribute] = useState('');
  const [newType, setNewType] = useState<AttributeType>('text');
  const chosenId = useStore((s) => (s.route.name === 'participants' ? (s.route.id ?? null) : null));
  const navigate = useStore((s) => s.navigate);
  const memos = useMemos();
  const chosen = participants.find((p) => p.id === chosenId) ?? null;
  const choose = (id: string | null) => navigate({ name: 'participants', id });
  const memoCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const m of memos) if (m.target.kind === 'participant' && m.target.id) counts.set(m.target.id, (counts.get(m.target.id) ?? 0) + 1);
    return counts;
  }, [memos]);

  const addAttribute = () => {
    const name = newAttribute.trim();
    if (name) void createAttribute(name, newType).then(() => setNewAttribute(''));
  };

  return (
    <div className={`page${chosen ? ' participants-page--detail' : ''}`}>
      <div className="page__header">
        <div>
          <h1>{t('participants.title')}</h1>
          <p className="muted">{t('participants.subtitle')}</p>
        </div>
      </div>
      {participants.length === 0 ? (
        <div className="empty-state">
          <strong>{t('participants.emptyTitle')}</strong>
          <p>{t('participants.emptyHelp')}</p>
          <pre className="example">{t('participants.example')}</pre>
        </div>
      ) : (
        <div className="participants-body">
          <div className="participants-main">
          <div className="table-wrap">
            <table className="table table--editable">
              <thead>
                <tr>
                  <th>{t('participants.name')}</th>
                  {attributes.map((a) => (
                    <th key={a.id}>
                      {a.name} <span className="type-tag">{t(`attributeType.${a.type}`)}</span>
                    </th>
                  ))}
                  <th className="num">{t('participants.documents')}</th>
                </tr>
              </thead>
              <tbody>
                {participants.map((p) => (
                  <tr key={p.id} className={p.id === chosenId ? 'is-chosen' : undefined}>
                    <td className="participants__name-cell">
                      <div className="participants__name">
                        <NameCell participant={p} />
                        <button
                          className="button button--small button--quiet participants__open"
                          aria-label={t('participantDetail.openFor', { name: p.name })}
                          aria-pressed={p.id === chosenId}
                          onClick={() => choose(p.id === chosenId ? null : p.id)}
                        >
                          {t('participantDetail.open')}
                          {memoCounts.get(p.id) ? <span className="participants__memos"> · {t('participantDetail.memoCount', { count: memoCounts.get(p.id) })}</span> : null}
                        </button>
                      </div>
                    </td>
                    {attributes.map((a) => (
                      <td key={a.id}>
                        <AttributeCell participant={p} attribute={a} />
                      </td>
                    ))}
                    <td className="num">{p.documentCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              addAttribute();
            }}
          >
            <label className="field field--inline">
              <span>{t('participants.addAttribute')}</span>
              <input value={newAttribute} onChange={(e) => setNewAttribute(e.target.value)} placeholder={t('participants.attributePlaceholder')} />
            </label>
            <label className="field field--inline">
              <span>{t('participants.attributeType')}</span>
              <select value={newType} onChange={(e) => setNewType(e.target.value as AttributeType)}>
                {ATTRIBUTE_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`attributeType.${type}`)}
                  </option>
                ))}
              </select>
            </label>
            <button className="button" disabled={!newAttribute.trim()}>
              {t('participants.add')}
            </button>
          </form>
          </div>
          {chosen ? <ParticipantDetail participant={chosen} onClose={() => choose(null)} /> : null}
        </div>
      )}
    </div>
  );
}

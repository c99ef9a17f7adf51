import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WithdrawDialog } from '../protect/WithdrawDialog.tsx';
import type { Participant } from '../../../shared/model.ts';
import { showValue } from '../../components/format.ts';
import { MemoPanel } from '../../components/rich-text/MemoPanel.tsx';
import { useStore } from '../../store/index.ts';
import { useDocuments } from '../../data/reads.ts';

/** The chosen participant beside the table: attributes, their transcripts (to open), and the memos on them. */
export function ParticipantDetail({ participant, onClose }: { participant: Participant; onClose(): void }) {
  const { t } = useTranslation();
  const documents = useDocuments();
  const navigate = useStore((s) => s.navigate);
  const own = documents.filter((d) => d.participantId === participant.id);
  const attributes = Object.entries(participant.attributes);
  const [withdrawing, setWithdrawing] = useState(false);

  return (
    <aside className="participant-detail" aria-labelledby="participant-detail-title">
      <div className="participant-detail__head">
        <div>
          <p className="eyebrow">{t('participantDetail.title')}</p>
          <h2 id="participant-detail-title">{participant.name}</h2>
        </div>
        <button className="icon-button" aria-label={t('participantDetail.close')} title={t('participantDetail.close')} onClick={onClose}>
          ×
        </button>
      </div>
      <h3 className="eyebrow">{t('participantDetail.attributes')}</h3>
      {attributes.length === 0 ? (
        <p className="muted small">{t('participantDetail.noAttributes')}</p>
      ) : (
        <dl className="facts">
          {attributes.map(([key, value]) => (
            <div key={key} className="facts__row">
              <dt>{key}</dt>
              <dd>{showValue(value, t('common.yes'), t('common.no'))}</dd>
            </div>
          ))}
        </dl>
      )}
      <h3 className="eyebrow">{t('participantDetail.transcripts')}</h3>
      {own.length === 0 ? (
        <p className="muted small">{t('participantDetail.noTranscripts')}</p>
      ) : (
        <ul className="participant-detail__documents">
          {own.map((d) => (
            <li key={d.id}>
              <button className="link-button" title={t('participantDetail.openTranscript', { name: d.name })} onClick={() => navigate({ name: 'document', id: d.id, turn: null, query: '' })}>
                {d.name} →
              </button>
            </li>
          ))}
        </ul>
      )}
      <MemoPanel key={participant.id} target={{ kind: 'participant', id: participant.id }} />
      <div className="participant-detail__withdraw">
        <button className="button button--small button--quiet" onClick={() => setWithdrawing(true)} title={t('protect.withdrawParticipantFor', { name: participant.name })} data-testid="withdraw-participant">
          {t('protect.withdrawParticipant')}
        </button>
      </div>
      {withdrawing && <WithdrawDialog target={{ participantId: participant.id }} name={participant.name} onClose={() => setWithdrawing(false)} onDone={onClose} />}
    </aside>
  );
}

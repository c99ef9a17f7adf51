import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SPEAKER_ROLES, type SpeakerRole } from '../../../shared/model.ts';
import { describe } from '../../components/describe.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { useData, write } from '../../data/index.ts';
import { useParticipants } from '../../data/reads.ts';

/**
 * The speakers of one transcript with their roles, to correct what the import rules inferred: in
 * this transcript, or for the same name in every transcript at once. Each change is one undo step.
 */
export function SpeakerRolesDialog(props: { documentId: string | null; onClose(): void }) {
  const { t } = useTranslation();
  const { participants } = useParticipants();
  const [everywhere, setEverywhere] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const documentId = props.documentId;
  // Read through the data layer: a role write names `speakers`, so this list is fetched again after it.
  const roles = useData('speakers/list', documentId ? { documentId } : null, null)?.[0] ?? null;

  const close = () => {
    setProblem(null);
    setSaved(null);
    props.onClose();
  };
  const change = async (name: string, role: SpeakerRole, participantId: string | null) => {
    setProblem(null);
    try {
      const result = await write('speakers/set', { name, role, participantId: role === 'participant' ? participantId : null, ...(everywhere ? {} : { documentId: documentId! }) });
      setSaved(t('speakers.saved', { count: result.documents }));
    } catch (error) {
      setProblem(describe(t, error as Error));
    }
  };
  const confirm = async () => {
    try {
      await write('speakers/confirm', { documentId: documentId! });
    } catch (error) {
      setProblem(describe(t, error as Error));
    }
  };

  return (
    <Dialog open={documentId !== null} onClose={close} title={t('speakers.title', { name: roles?.documentName ?? '…' })} description={t('speakers.help')} wide>
      <div className="stack speaker-roles">
        {roles && roles.speakers.length === 0 && <p className="muted">{t('speakers.noSpeakers')}</p>}
        {roles && roles.unconfirmed && (
          <p className="speaker-roles__warning" role="status">
            <strong>{t('speakers.unconfirmed')}</strong> — {t('speakers.unconfirmedHelp')}{' '}
            <button type="button" className="button button--small" onClick={() => void confirm()}>
              {t('speakers.confirm')}
            </button>
          </p>
        )}
        {roles && roles.speakers.length > 0 && (
          <>
            <label className="field field--inline">
              <input type="checkbox" checked={everywhere} onChange={(e) => setEverywhere(e.target.checked)} />
              <span>{t('speakers.everywhere')}</span>
            </label>
            <table className="table speaker-roles__table">
              <thead>
                <tr>
                  <th>{t('speakers.speaker')}</th>
                  <th>{t('speakers.role')}</th>
                  <th>{t('speakers.participant')}</th>
                  <th className="num">{t('speakers.turns')}</th>
                </tr>
              </thead>
              <tbody>
                {roles.speakers.map((s) => (
                  <tr key={s.name} data-speaker={s.name} className={s.confirmed ? undefined : 'is-unconfirmed'}>
                    <td>
                      {s.name}
                      <span className="muted small speaker-roles__rule"> · {t(`speakers.rule.${s.rule}`)}</span>
                    </td>
                    <td>
                      <select aria-label={`${t('speakers.role')}: ${s.name}`} value={s.role} onChange={(e) => void change(s.name, e.target.value as SpeakerRole, s.participantId)}>
                        {SPEAKER_ROLES.map((role) => (
                          <option key={role} value={role}>
                            {t(`speakers.roles.${role}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      {s.role === 'participant' ? (
                        <select aria-label={`${t('speakers.participant')}: ${s.name}`} value={s.participantId ?? ''} onChange={(e) => void change(s.name, 'participant', e.target.value || null)}>
                          <option value="">{t('speakers.noParticipant')}</option>
                          {participants.map((p) => (
                            <option key={p.id} value={p.id}>
                              {p.name}
                            </option>
                          ))}
                        </select>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td className="num">{s.turns}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        {problem && <p className="form-error" role="alert">{problem}</p>}
        {saved && <p className="form-ok" role="status">{saved}</p>}
        <footer className="dialog__footer">
          <button type="button" className="button button--quiet" onClick={close}>
            {t('common.close')}
          </button>
        </footer>
      </div>
    </Dialog>
  );
}

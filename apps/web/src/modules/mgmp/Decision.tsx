import { MGMP_VOTE_CHOICES, type MgmpDecision, type MgmpDecisionOutcome, type MgmpVoteChoice } from '@tumbuh/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n.tsx';
import { api } from '../../shared/api.ts';
import { formatDate } from '../../shared/format.ts';
import { hasRole } from '../../shared/roles.ts';
import { useMe } from '../../shared/session.tsx';
import { ErrorNote, Field } from '../../shared/ui.tsx';
import { DecisionCorrection, DecisionRevisionHistory } from './DecisionRevisions.tsx';
import { canCorrectDecision } from './koreksi.models.ts';
import { mgmpKeys, useMgmpGroup } from './mgmp.api.ts';

interface Props {
  groupId: string;
  meetingId: string;
  agendaItemId: string;
  decision: MgmpDecision | undefined;
  canManage: boolean;
  canLead: boolean;
  isMember: boolean;
  cancelled: boolean;
}

/** Musyawarah of a proposal item: the proposal, votes of present members, and the closing outcome. */
export function DecisionSection(props: Props) {
  const t = useT();
  const { decision } = props;
  return (
    <div className="decision">
      <h4 className="minutes-title">{t('mgmp.decision.title')}</h4>
      {decision ? decision.status === 'closed' ? <ClosedDecision decision={decision} meetingId={props.meetingId} /> : <OpenDecision {...props} decision={decision} /> : <Propose {...props} />}
    </div>
  );
}

function useRefresh(groupId: string, meetingId: string) {
  const queryClient = useQueryClient();
  return (fresh?: MgmpDecision) => {
    if (fresh) {
      queryClient.setQueryData<{ items: MgmpDecision[]; total: number }>(mgmpKeys.decisions(groupId), (old) =>
        old ? { ...old, items: old.items.some((d) => d.id === fresh.id) ? old.items.map((d) => (d.id === fresh.id ? fresh : d)) : [fresh, ...old.items], total: old.total } : old,
      );
    }
    void queryClient.invalidateQueries({ queryKey: mgmpKeys.decisions(groupId) });
    void queryClient.invalidateQueries({ queryKey: mgmpKeys.meeting(meetingId) });
  };
}

function Propose({ groupId, meetingId, agendaItemId, canManage, cancelled }: Props) {
  const t = useT();
  const refresh = useRefresh(groupId, meetingId);
  const [proposal, setProposal] = useState('');
  const create = useMutation({
    mutationFn: () => api<MgmpDecision>('POST', `/mgmp/agenda-items/${encodeURIComponent(agendaItemId)}/decisions`, { body: { proposal } }),
    onSuccess: (fresh) => refresh(fresh),
  });
  if (!canManage || cancelled) return <p className="muted small">{t('mgmp.decision.noProposal')}</p>;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}
    >
      <Field label={t('mgmp.decision.proposal')} required>
        {(p) => <textarea {...p} rows={2} value={proposal} onChange={(e) => setProposal(e.target.value)} />}
      </Field>
      <ErrorNote error={create.error} />
      <button type="submit" className="btn btn-primary" disabled={create.isPending}>
        {t('mgmp.decision.propose')}
      </button>
    </form>
  );
}

function Tally({ decision }: { decision: MgmpDecision }) {
  const t = useT();
  return (
    <ul className="chips tally">
      {MGMP_VOTE_CHOICES.map((c) => (
        <li key={c} className={`chip${c === 'blok' && decision.tally.blok > 0 ? ' chip-danger' : ''}`}>
          {t(`mgmp.vote.${c}`)}: {decision.tally[c]}
        </li>
      ))}
    </ul>
  );
}

function OpenDecision({ groupId, meetingId, decision, canManage, canLead, isMember }: Props & { decision: MgmpDecision }) {
  const t = useT();
  const me = useMe();
  const refresh = useRefresh(groupId, meetingId);
  const mine = decision.votes.find((v) => v.teacherId === me.user.teacherId);
  const vote = useMutation({
    mutationFn: (choice: MgmpVoteChoice) => api<MgmpDecision>('POST', `/mgmp/decisions/${encodeURIComponent(decision.id)}/votes`, { body: { choice } }),
    onSuccess: (fresh) => refresh(fresh),
  });
  const [statement, setStatement] = useState('');
  const [rationale, setRationale] = useState('');
  const [reviewDate, setReviewDate] = useState('');
  const close = useMutation({
    mutationFn: (outcome: MgmpDecisionOutcome) =>
      api<MgmpDecision>('POST', `/mgmp/decisions/${encodeURIComponent(decision.id)}/close`, {
        body: { outcome, statement, rationale: rationale || null, reviewDate: reviewDate || null },
      }),
    onSuccess: (fresh) => refresh(fresh),
  });

  return (
    <div>
      <p className="proposal">{decision.proposal}</p>
      <Tally decision={decision} />
      {decision.tally.blok > 0 && <p className="note small">{t('mgmp.decision.blockWarning')}</p>}
      {isMember && me.user.teacherId && (
        <div className="vote">
          <p className="small muted">{mine ? t('mgmp.decision.yourVote', { choice: t(`mgmp.vote.${mine.choice}`) }) : t('mgmp.decision.castVote')}</p>
          {!mine && (
            <div className="vote-buttons">
              {MGMP_VOTE_CHOICES.map((c) => (
                <button key={c} type="button" className={`btn vote-${c}`} disabled={vote.isPending} onClick={() => vote.mutate(c)}>
                  {t(`mgmp.vote.${c}`)}
                </button>
              ))}
            </div>
          )}
          <ErrorNote error={vote.error} />
        </div>
      )}
      {canManage && (
        <form
          className="close-form"
          onSubmit={(e) => {
            e.preventDefault();
            close.mutate('vote');
          }}
        >
          <h5>{t('mgmp.decision.closeTitle')}</h5>
          <Field label={t('mgmp.decision.statement')} required>
            {(p) => <textarea {...p} rows={2} value={statement} onChange={(e) => setStatement(e.target.value)} />}
          </Field>
          <Field label={t('mgmp.decision.rationale')} hint={t('mgmp.decision.rationaleHint')}>
            {(p) => <textarea {...p} rows={2} value={rationale} onChange={(e) => setRationale(e.target.value)} />}
          </Field>
          <Field label={t('mgmp.decision.reviewDate')}>
            {(p) => <input {...p} type="date" value={reviewDate} onChange={(e) => setReviewDate(e.target.value)} />}
          </Field>
          <ErrorNote error={close.error} />
          <div className="actions">
            <button type="submit" className="btn btn-primary" disabled={close.isPending}>
              {t('mgmp.decision.closeVote')}
            </button>
            {canLead && (
              <button type="button" className="btn" disabled={close.isPending} onClick={() => close.mutate('mufakat')}>
                {t('mgmp.decision.closeMufakat')}
              </button>
            )}
          </div>
        </form>
      )}
    </div>
  );
}

/** Whether the requester may correct this closed decision: the ketua, or the madrasah's kepala / operator, in a group that is not archived. */
function useCanCorrect(decision: MgmpDecision): boolean {
  const me = useMe();
  const group = useMgmpGroup(decision.groupId);
  if (!group.data) return false;
  const { madrasahId } = group.data;
  // A tenant-level group: only a tenant-wide grant counts (as on the server).
  const holds = (role: 'kepala_madrasah' | 'operator') => (madrasahId === null ? me.roles.some((g) => g.role === role && g.madrasahId === null) : hasRole(me, role, madrasahId));
  return canCorrectDecision({ status: decision.status, archived: group.data.archived, myRole: group.data.myRole, kepalaMadrasah: holds('kepala_madrasah'), operator: holds('operator') });
}

function ClosedDecision({ decision, meetingId }: { decision: MgmpDecision; meetingId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const canCorrect = useCanCorrect(decision);
  return (
    <div>
      <p className="proposal muted">{decision.proposal}</p>
      <p>
        <span className={`badge ${decision.adopted ? 'badge-ok' : 'badge-muted'}`}>{decision.adopted ? t('mgmp.decision.adopted') : t('mgmp.decision.rejected')}</span>{' '}
        <span className="badge badge-muted">{decision.outcome ? t(`mgmp.decision.outcome.${decision.outcome}`) : t('common.none')}</span>
      </p>
      {decision.statement && <p className="statement">{decision.statement}</p>}
      {decision.rationale && <p className="small muted">{decision.rationale}</p>}
      {decision.outcome === 'vote' && <Tally decision={decision} />}
      {decision.reviewDate && (
        <p className="small">
          {t('mgmp.group.reviewDate', { date: formatDate(decision.reviewDate, locale) })}{' '}
          {decision.dueForReview && <span className="badge badge-warn">{t('mgmp.decision.dueForReview')}</span>}
        </p>
      )}
      {decision.reviewedAt && (
        <p className="small review-note">
          {t('mgmpAdmin.decisions.reviewedOn', { date: formatDate(decision.reviewedAt.slice(0, 10), locale) })}: {decision.reviewNote ?? t('mgmpAdmin.decisions.noNote')}
        </p>
      )}
      {canCorrect && <DecisionCorrection decision={decision} meetingId={meetingId} />}
      <DecisionRevisionHistory decisionId={decision.id} />
    </div>
  );
}

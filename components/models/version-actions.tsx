'use client';
// Governed stage changes for engineers and admins. Every change asks for a note that lands in the audit trail.
import { useState } from 'react';
import { usePromote, useRollback, useSetStage } from '@/lib/client/models';
import type { Kind, ModelStage } from '@/lib/schemas/models';
import { NoteDialog } from '@/components/ui/note-dialog';

type Action = 'promote' | 'shadow' | 'archived' | 'rollback';

export function PromoteButton({ versionId, label, testId = 'promote-button', small }: { versionId: string; label: string; testId?: string; small?: boolean }) {
  const [open, setOpen] = useState(false);
  const promote = usePromote(versionId);
  return (
    <>
      <button className={`btn primary${small ? ' sm' : ''}`} onClick={() => { promote.reset(); setOpen(true); }} data-testid={testId}>Promote to production</button>
      {open ? (
        <NoteDialog
          title={`Promote ${label} to production`}
          description="It starts scoring live traffic at once. The current production version of this kind is archived and stays available for rollback."
          confirmLabel="Promote"
          pending={promote.isPending}
          error={promote.error?.message}
          onConfirm={(note) => promote.mutate(note, { onSuccess: () => setOpen(false) })}
          onClose={() => setOpen(false)}
          testId="promote-dialog"
        />
      ) : null}
    </>
  );
}

export function VersionActions({ versionId, label, kind, stage }: { versionId: string; label: string; kind: Kind; stage: ModelStage }) {
  const [action, setAction] = useState<Exclude<Action, 'promote'> | null>(null);
  const setStage = useSetStage(versionId);
  const rollback = useRollback();
  const close = () => setAction(null);
  const open = (a: Exclude<Action, 'promote'>) => { setStage.reset(); rollback.reset(); setAction(a); };

  return (
    <div className="actions" data-testid="version-actions">
      {stage !== 'production' ? <PromoteButton versionId={versionId} label={label} /> : null}
      {stage !== 'shadow' && stage !== 'production' ? <button className="btn" onClick={() => open('shadow')} data-testid="shadow-button">Move to shadow</button> : null}
      {stage !== 'archived' && stage !== 'production' ? <button className="btn" onClick={() => open('archived')} data-testid="archive-button">Archive</button> : null}
      {stage === 'production' ? <button className="btn danger" onClick={() => open('rollback')} data-testid="rollback-button">Roll back</button> : null}
      {action === 'shadow' || action === 'archived' ? (
        <NoteDialog
          title={action === 'shadow' ? `Move ${label} to shadow` : `Archive ${label}`}
          description={action === 'shadow' ? 'A shadow version scores live traffic beside production without deciding anything, so you can compare them on real data.' : 'Archived versions stay in the registry and can be promoted again later.'}
          confirmLabel={action === 'shadow' ? 'Move to shadow' : 'Archive'}
          pending={setStage.isPending}
          error={setStage.error?.message}
          onConfirm={(note) => setStage.mutate({ stage: action as ModelStage, note }, { onSuccess: close })}
          onClose={close}
          testId="stage-dialog"
        />
      ) : null}
      {action === 'rollback' ? (
        <NoteDialog
          title={`Roll back the ${kind} model`}
          description="The version that served before this one goes back to production; this one is archived."
          confirmLabel="Roll back"
          noteRequired={false}
          tone="danger"
          pending={rollback.isPending}
          error={rollback.error?.message}
          onConfirm={(note) => rollback.mutate({ kind, ...(note ? { note } : {}) }, { onSuccess: close })}
          onClose={close}
          testId="rollback-dialog"
        />
      ) : null}
    </div>
  );
}

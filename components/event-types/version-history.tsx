// Every version of a type, newest first, each with what changed from the one before.
import { formatDateTime } from '@/lib/format';
import type { EventTypeDefinition } from '@/lib/ml/events/definition';
import { type DefinitionDiff, diffDefinitions, isEmptyDiff } from '@/lib/ml/events/diff';

export interface HistoryVersion { version: number; definition: EventTypeDefinition; createdBy: string | null; createdAt: string }

function Changes({ diff }: { diff: DefinitionDiff }) {
  if (isEmptyDiff(diff)) return <span className="muted">no change</span>;
  const items: string[] = [
    ...diff.settings,
    ...diff.fieldsAdded.map((f) => `+ field ${f}`),
    ...diff.fieldsRemoved.map((f) => `− field ${f}`),
    ...diff.fieldsChanged.map((c) => `field ${c.name}: ${c.changes.join(', ')}`),
    ...diff.aggregatesAdded.map((a) => `+ aggregate ${a}`),
    ...diff.aggregatesRemoved.map((a) => `− aggregate ${a}`),
  ];
  return <ul className="small" data-testid="version-changes">{items.map((t) => <li key={t}>{t}</li>)}</ul>;
}

export function VersionHistory({ versions }: { versions: HistoryVersion[] }) {
  return (
    <table data-testid="version-history">
      <thead><tr><th>Version</th><th>Created</th><th>By</th><th>What changed</th></tr></thead>
      <tbody>
        {versions.map((v, i) => {
          const previous = versions[i + 1];
          return (
            <tr key={v.version} data-testid={`version-${v.version}`}>
              <td>v{v.version}{i === 0 ? <span className="hint"> current</span> : null}</td>
              <td className="nowrap small muted">{formatDateTime(v.createdAt)}</td>
              <td className="small">{v.createdBy ?? '–'}</td>
              <td>{previous ? <Changes diff={diffDefinitions(previous.definition, v.definition)} /> : <span className="muted small">first version: {v.definition.fields.length} fields, {v.definition.aggregates.length} aggregates</span>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

'use client';
// Per-feature PSI as a grid: rows are features, columns windows; click a row to see its histogram.
import type { Heatmap } from '@/lib/charts/drift';

/** notes: features shown but not counted for the window's status, with why (the tag's tooltip). */
export function PsiHeatmap({ heatmap, selected, onSelect, notes = {} }: { heatmap: Heatmap; selected: string | null; onSelect: (feature: string) => void; notes?: Record<string, string> }) {
  return (
    <div className="drift-heatmap" data-testid="psi-heatmap">
      <table>
        <thead>
          <tr><th>Feature</th>{heatmap.columns.map((c) => <th key={c.id} title={c.label}>{c.label}</th>)}</tr>
        </thead>
        <tbody>
          {heatmap.rows.map((r) => (
            <tr key={r.feature} className={r.feature === selected ? 'selected' : undefined}>
              <th>
                <button type="button" className="linkish" onClick={() => onSelect(r.feature)} data-testid={`feature-${r.feature}`}>{r.feature}</button>
                {notes[r.feature] ? <> <span className="badge muted" title={notes[r.feature]} data-testid={`feature-not-counted-${r.feature}`}>not counted</span></> : null}
              </th>
              {r.cells.map((c, i) => (
                <td key={heatmap.columns[i].id} style={{ background: c.color }} title={c.title} onClick={() => onSelect(r.feature)}>
                  {c.psi === null ? '' : c.psi.toFixed(2)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

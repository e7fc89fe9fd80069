// Feature importances: the top N by gain, each with its share of the total gain.
export interface Importance { name: string; gain: number }
export interface ImportanceRow { name: string; label: string; gain: number; share: number }

export function topImportances(list: readonly Importance[] | null | undefined, n = 20, maxLabel = 28): ImportanceRow[] {
  const valid = (list ?? []).filter((f) => Number.isFinite(f.gain) && f.gain > 0);
  const total = valid.reduce((s, f) => s + f.gain, 0);
  return [...valid]
    .sort((a, b) => b.gain - a.gain || a.name.localeCompare(b.name))
    .slice(0, n)
    .map((f) => ({ name: f.name, label: f.name.length > maxLabel ? `${f.name.slice(0, maxLabel - 1)}…` : f.name, gain: f.gain, share: total ? f.gain / total : 0 }));
}

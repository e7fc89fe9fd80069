'use client';
// One card per column: a histogram for numbers, the top values for strings, the class balance for the label;
// identifier-like columns are named but not charted.
import { columnChart } from '@/lib/charts/dataset-charts';
import type { ColumnStats } from '@/lib/data/column-stats';
import type { SchemaColumn } from '@/lib/data/csv-schema';
import { HistogramChart } from './histogram-chart';
import { TopValuesChart } from './top-values-chart';

export function ColumnCharts({ stats, columns }: { stats: ColumnStats[]; columns: SchemaColumn[] }) {
  const roles = new Map(columns.map((c) => [c.name, c.role]));
  return (
    <div className="grid cols-2 dataset-charts" data-testid="column-charts">
      {stats.map((s) => {
        const role = roles.get(s.name);
        const chart = columnChart(s, role);
        return (
          <div className="card" key={s.name} data-testid="column-chart">
            <div className="row dataset-chart-head">
              <strong className="mono">{s.name}</strong>
              <span className="badge">{s.type}</span>
              {role ? <span className="badge ok">{role}</span> : null}
            </div>
            <div className="hint">{chart.caption}</div>
            {chart.kind === 'histogram' ? <HistogramChart bars={chart.bars} column={s.name} /> : null}
            {chart.kind === 'top-values' ? <TopValuesChart bars={chart.bars} column={s.name} /> : null}
            {chart.kind === 'class-balance' ? <TopValuesChart bars={chart.bars} column={s.name} testId={`class-balance-${s.name}`} /> : null}
          </div>
        );
      })}
    </div>
  );
}

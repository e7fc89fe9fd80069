'use client';
// Daily volume of every type on one small chart: one line per legacy kind or event type.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { EmptyChart } from '@/components/ui/empty-chart';
import { SERIES_COLORS } from '@/lib/charts/curves';
import { typeVolumeRows } from '@/lib/charts/type-volumes';
import { scopeName, type TypeVolume } from '@/lib/schemas/scope';

export function TypeVolumesChart({ types }: { types: TypeVolume[] }) {
  const shown = types.filter((t) => t.last14.total > 0);
  if (!shown.length) return <EmptyChart reason="No traffic of any type in the last 14 days" next="Ingested transactions and events appear here per type and UTC day." height={200} testId="type-volumes-chart-empty" />;
  return (
    <div data-testid="type-volumes-chart" style={{ width: '100%', height: 200 }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={typeVolumeRows(shown)} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e6ec" vertical={false} />
          <XAxis dataKey="day" tick={{ fontSize: 11 }} />
          <YAxis tick={{ fontSize: 11 }} width={48} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {shown.map((t, i) => {
            const name = scopeName(t.scope);
            return <Line key={name} dataKey={name} name={name} stroke={SERIES_COLORS[i % SERIES_COLORS.length]} dot={false} strokeWidth={2} />;
          })}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

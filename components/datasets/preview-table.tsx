// The first rows of a CSV, header first; wide files scroll sideways inside their card.
export function PreviewTable({ header, rows, types, testId = 'preview-table' }: { header: string[]; rows: (string[] | Record<string, string>)[]; types?: string[]; testId?: string }) {
  return (
    <div className="table-scroll" data-testid={testId}>
      <table className="dataset-preview">
        <thead>
          <tr>{header.map((h, i) => <th key={h}>{h}{types?.[i] ? <div className="hint">{types[i]}</div> : null}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>{header.map((h, j) => <td key={h}>{Array.isArray(r) ? r[j] : r[h]}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

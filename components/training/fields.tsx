// Small form pieces shared by the training form: a labelled number input with bounds and its errors.
export function FieldError({ messages }: { messages?: string[] }) {
  if (!messages?.length) return null;
  return <span className="field-error" role="alert">{messages.join(' ')}</span>;
}

interface NumberFieldProps {
  id: string; label: string; value: string; onChange: (v: string) => void;
  min?: number; max?: number; step?: number; hint?: string; errors?: string[]; testId?: string;
}

export function NumberField({ id, label, value, onChange, min, max, step, hint, errors, testId }: NumberFieldProps) {
  return (
    <div className={`field${errors?.length ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" inputMode="decimal" value={value} min={min} max={max} step={step} onChange={(e) => onChange(e.target.value)} aria-invalid={errors?.length ? true : undefined} data-testid={testId} />
      {hint ? <span className="hint">{hint}</span> : null}
      <FieldError messages={errors} />
    </div>
  );
}

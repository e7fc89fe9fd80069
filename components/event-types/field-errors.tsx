// The API's 400 field errors ('fields.3.name', 'aggregates.0.window') shown next to the input they name.
export type Errors = Record<string, string[]>;

/** Messages for a path and, with `deep`, everything under it. */
export function messagesAt(errors: Errors, path: string, deep = false): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(errors)) if (k === path || (deep && k.startsWith(`${path}.`))) out.push(...v);
  return out;
}

export function FieldError({ errors, path, deep, testId }: { errors: Errors; path: string; deep?: boolean; testId?: string }) {
  const messages = messagesAt(errors, path, deep);
  if (!messages.length) return null;
  return <div className="field-error" data-testid={testId ?? `error-${path}`}>{messages.join(' ')}</div>;
}

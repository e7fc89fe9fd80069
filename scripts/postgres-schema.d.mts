export function toPostgres(schema: string): string;

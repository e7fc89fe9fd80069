import type { Role } from '@/lib/schemas/common';

/** Who is calling: a signed-in person or an API token. */
export interface Principal {
  kind: 'user' | 'token';
  id: string;
  /** Email for people, token name for machines. */
  label: string;
  name: string;
  role: Role;
}

import { BulkLabelInput } from '@/lib/schemas/reviews';
import { requireScope } from '@/lib/server/auth';
import { json, readJson, route } from '@/lib/server/http';
import { bulkLabel } from '@/lib/server/reviews';

/** Bulk labels: per-item version checks; conflicts are reported per item. */
export const POST = route(async (req) => {
  const who = await requireScope(req, 'review:label');
  const { items, label } = await readJson(req, BulkLabelInput, 100_000);
  return json(await bulkLabel(items, label, who));
});

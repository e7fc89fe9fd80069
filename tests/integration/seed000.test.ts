// Seed 000's documented model-control requests, sent as its README shows them (bare Authorization header).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as all from '@/app/model/registry/all/route';
import * as one from '@/app/model/registry/[id]/route';
import * as train from '@/app/model/train/route';
import * as tasks from '@/app/model/tasks/[id]/route';
import * as setMain from '@/app/model/set_main/[id]/route';
import { generateEmails } from '@/lib/demo';
import { createDatasetVersion } from '@/lib/server/datasets';
import { db } from '@/lib/server/platform/db';
import { JOB_HANDLERS } from '@/scripts/job-handlers';
import { createWorker } from '@/lib/server/platform/worker';
import { expectContract } from './contract-check';
import { params, request, resetJobs, tokenFor, unique } from './helpers';

const worker = createWorker({ handlers: JOB_HANDLERS, leaseMs: 5_000, pollMs: 50 });
let token = '';
const bare = () => ({ headers: { authorization: token, 'user-agent': 'insomnia/8.4.0' } });
const read = async (res: Response) => ({ status: res.status, json: await res.json() });

beforeAll(async () => {
  await resetJobs();
  token = await tokenFor('engineer');
  await createDatasetVersion({ name: unique('seed000-emails'), kind: 'email', source: 'generated', rows: generateEmails({ count: 800, seed: 11 }), columns: ['email', 'label'], labelColumn: 'label' });
  void worker.start();
});
afterAll(() => worker.stop());

describe('seed 000 model routes', () => {
  it('trains from the documented body, reports the task, lists, reads and sets the main model', async () => {
    const name = unique('test1');
    const body = { name, model_type: 'GradientBoosting', model_params: { model_params: { n_estimators: 50, learning_rate: 0.1 }, tf_idf_params: { ngram_range: [1, 3], strip_accents: 'unicode', analyzer: 'char', max_features: 500 } } };
    const started = await read(await train.POST(request('POST', '/model/train', { ...bare(), body }), params({})));
    expect(started).toEqual({ status: 200, json: { task_id: expect.any(String), message: `Model '${name}' of type 'GradientBoosting' received and will be trained.` } });
    expectContract(train.POST.endpoint, started.json);

    let task = await read(await tasks.GET(request('GET', `/model/tasks/${started.json.task_id}`, bare()), params({ id: started.json.task_id })));
    for (const until = Date.now() + 90_000; !task.json.id && Date.now() < until; ) {
      expect(['PENDING', 'STARTED']).toContain(task.json.status);
      expectContract(tasks.GET.endpoint, task.json);
      await new Promise((r) => setTimeout(r, 200));
      task = await read(await tasks.GET(request('GET', `/model/tasks/${started.json.task_id}`, bare()), params({ id: started.json.task_id })));
    }
    expect(task.json).toEqual({
      id: expect.any(String), name, accuracy: expect.any(Number), train_date: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d$/), serving: false,
      params: { model_params: { n_estimators: 50, learning_rate: 0.1, max_depth: 6 }, tf_idf_params: { ngram_range: [1, 3], strip_accents: 'unicode', analyzer: 'char', max_features: 500 } },
    });
    expect(task.json.accuracy).toBeGreaterThan(0.8);
    expectContract(tasks.GET.endpoint, task.json);

    const listed = await read(await all.GET(request('GET', '/model/registry/all', bare()), params({})));
    expect(listed.json.some((m: { id: string }) => m.id === task.json.id)).toBe(true);
    expectContract(all.GET.endpoint, listed.json);

    const set = await read(await setMain.PUT(request('PUT', `/model/set_main/${task.json.id}`, bare()), params({ id: task.json.id })));
    expect(set).toEqual({ status: 200, json: { message: `Model '${task.json.id}' is now the main model for prediction.` } });
    expectContract(setMain.PUT.endpoint, set.json);
    const got = await read(await one.GET(request('GET', `/model/registry/${task.json.id}`, bare()), params({ id: task.json.id })));
    expect(got.json).toMatchObject({ id: task.json.id, serving: true });
    expectContract(one.GET.endpoint, got.json);
    expect(await db().modelVersion.count({ where: { kind: 'email', stage: 'production' } })).toBe(1);
  });

  it('rejects bad bodies and unknown models with JSON 4xx', async () => {
    const bad = await read(await train.POST(request('POST', '/model/train', { ...bare(), body: { name: 'x', model_type: 'SVM' } }), params({})));
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields.model_type).toBeTruthy();
    const missing = await one.GET(request('GET', '/model/registry/nope', bare()), params({ id: 'nope' }));
    expect(missing.status).toBe(404);
  });
});

// The seeds' documented scoring requests, against the models the demo seed serves.
import { beforeAll, describe, expect, it } from 'vitest';
import * as single from '@/app/prediction/single/[email]/route';
import * as task from '@/app/prediction/tasks/[id]/route';
import * as ping from '@/app/ping/route';
import * as fraudDetection from '@/app/fraud_detection/route';
import * as predict from '@/app/predict/route';
import { seedDemo } from '@/lib/server/demo/seed';
import { resetScoringCache } from '@/lib/server/decisions/scoring';
import { expectContract } from './contract-check';
import { params, request, tokenFor } from './helpers';

const read = async (res: Response) => ({ status: res.status, json: await res.json() });
let token = '';

beforeAll(async () => {
  await seedDemo();
  resetScoringCache();
  token = await tokenFor('analyst');
}, 180_000);

describe('seed-compatible scoring routes', () => {
  it('seed 000: POST /prediction/single/{email} then GET /prediction/tasks/{id}', async () => {
    const h = { headers: { authorization: token } };
    const started = await read(await single.POST(request('POST', '/prediction/single/fraude@gmail.com', h), params({ email: 'fraude@gmail.com' })));
    expect(started).toEqual({ status: 200, json: { task_id: expect.any(String) } });
    expectContract(single.POST.endpoint, started.json);
    const done = await read(await task.GET(request('GET', `/prediction/tasks/${started.json.task_id}`, h), params({ id: started.json.task_id })));
    expect(done).toEqual({ status: 200, json: { proba: expect.any(Number), email: 'fraude@gmail.com' } });
    expectContract(task.GET.endpoint, done.json);
    const bad = await single.POST(request('POST', '/prediction/single/not-an-email', h), params({ email: 'not-an-email' }));
    expect(bad.status).toBe(400);
  });

  it('seed 001: GET /ping and POST /fraud_detection with the documented record', async () => {
    const pong = await read(await ping.GET(request('GET', '/ping'), params({})));
    expect(pong).toEqual({ status: 200, json: { ping: 'pong' } });
    expectContract(ping.GET.endpoint, pong.json);
    const record = { customer_id: 345435, number_of_open_accounts: 23, total_credit_limit: 12345, total_balance: 200000, number_of_accounts_in_arrears: 2 };
    const ordinary = { customer_id: 1, number_of_open_accounts: 3, total_credit_limit: 20000, total_balance: 2000, number_of_accounts_in_arrears: 0 };
    const res = await read(await fraudDetection.POST(request('POST', '/fraud_detection', { token, body: [record, ordinary] }), params({})));
    expect(res.status).toBe(200);
    expect(res.json).toHaveLength(2);
    expectContract(fraudDetection.POST.endpoint, res.json);
    expect(res.json[0]).toBeGreaterThan(res.json[1]);
    const bad = await read(await fraudDetection.POST(request('POST', '/fraud_detection', { token, body: [{ ...record, total_balance: 'lots' }] }), params({})));
    expect(bad.status).toBe(400);
  });

  it('seed 004: POST /predict aggregates events per user', async () => {
    const body = { UserId: ['A', 'A', 'A', 'B'], Event: ['send_email', 'click_ad', 'send_email', 'phone_call'], Category: ['Motor', 'Jobs', 'Phone', 'Motor'] };
    const res = await read(await predict.POST(request('POST', '/predict', { token, body }), params({})));
    expect(res.status).toBe(200);
    expect(res.json.UserId).toEqual(['A', 'B']);
    expectContract(predict.POST.endpoint, res.json);
    expect(res.json.is_fake_probability).toHaveLength(2);
    for (const p of res.json.is_fake_probability) expect(p).toBeGreaterThanOrEqual(0);
    const sketch = await read(await predict.POST(request('POST', '/predict', { token, body: { UserId: [0], Event: [0], Category: [0] } }), params({})));
    expect(sketch).toMatchObject({ status: 200, json: { UserId: [0], is_fake_probability: [expect.any(Number)] } });
    const ragged = await predict.POST(request('POST', '/predict', { token, body: { UserId: [1, 2], Event: ['x'], Category: ['y'] } }), params({}));
    expect(ragged.status).toBe(400);
  });
});

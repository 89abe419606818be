import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dmEvent, envelope } from '../support/payloads.js';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

describe('smoke', () => {
  it('offers a ticket for a DM', async () => {
    const res = await h.sender.event(envelope(dmEvent({ user: 'UALICE', text: 'can you fix the banner on the pricing page?' })));
    expect(res.status).toBe(200);
    const [call] = await h.fake.waitFor((c) => c.method === 'chat.postMessage');
    expect(call?.args.channel).toBe("DALICE");
  });
});

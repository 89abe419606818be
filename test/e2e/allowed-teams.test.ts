import { afterEach, describe, expect, it } from 'vitest';
import { offerCalls } from '../support/flows.js';
import { startHarness, type Harness } from '../support/harness.js';
import { dmEvent, envelope } from '../support/payloads.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
});

describe('ALLOWED_TEAM_IDS', () => {
  it('serves exactly the listed workspaces or orgs, instead of the token\'s own', async () => {
    h = await startHarness({ env: { ALLOWED_TEAM_IDS: 'T0SISTER,E0GRID' } });
    const sister = await h.sender.event(envelope(dmEvent({ user: 'UANN', text: 'can you fix the banner?' }), { teamId: 'T0SISTER' }));
    const own = await h.sender.event(envelope(dmEvent({ user: 'UBEN', text: 'can you fix the banner?' })));
    const grid = { ...envelope(dmEvent({ user: 'UCAT', text: 'can you fix the banner?' }), { teamId: 'T0BRANCH' }) };
    grid.authorizations = [{ team_id: 'T0BRANCH', enterprise_id: 'E0GRID', user_id: 'UBOT', is_bot: true } as never];
    const viaOrg = await h.sender.event(grid);
    expect([sister.status, own.status, viaOrg.status]).toEqual([200, 401, 200]);
    await h.desk.settled();
    expect(offerCalls(h).map((c) => c.args.channel).sort()).toEqual(['DANN', 'DCAT']);
  });
});

import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startRequestDesk, type RunningDesk } from '../../src/start.js';
import { FakeSlack } from '../support/fake-slack.js';
import { offerIdOf } from '../support/flows.js';
import { tempDir, testEnv, TestClock } from '../support/harness.js';
import { dmEvent, envelope } from '../support/payloads.js';

const APP_TOKEN = 'xapp-1-A0APP-0000-secret-app-token';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup) await fn();
  cleanup = [];
});

describe('Socket Mode', () => {
  it('connects through SLACK_API_URL (apps.connections.open), receives an event over the socket, acks it and replies', async () => {
    const fake = await FakeSlack.start();
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((resolve) => wss.once('listening', resolve));
    const { port } = wss.address() as { port: number };
    fake.reply('apps.connections.open', { body: { ok: true, url: `ws://127.0.0.1:${port}/link` } }, Infinity);
    const acks: unknown[] = [];
    const connected = new Promise<WebSocket>((resolve) =>
      wss.on('connection', (socket) => {
        socket.on('message', (data) => acks.push(JSON.parse(String(data))));
        socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0APP' }, debug_info: { host: 'fake' } }));
        resolve(socket);
      }),
    );
    const dir = tempDir();
    const config = loadConfig({
      ...testEnv(fake, join(dir.path, 'desk.db')),
      SLACK_SIGNING_SECRET: '',
      SLACK_APP_TOKEN: APP_TOKEN,
    });
    const logs: string[] = [];
    const desk: RunningDesk = await startRequestDesk(config, {
      logger: createLogger({ level: 'debug', destination: { write: (l: string) => void logs.push(l) } }),
      clock: new TestClock(),
    });
    cleanup.push(
      async () => desk.stop(),
      async () => {
        for (const client of wss.clients) client.terminate();
        await new Promise<void>((resolve) => wss.close(() => resolve()));
      },
      async () => fake.stop(),
      async () => dir.remove(),
    );
    expect(desk.url).toBeUndefined();
    const open = fake.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.token).toBe(APP_TOKEN);

    const socket = await connected;
    const event = dmEvent({ user: 'UALICE', text: 'can you fix the banner on the pricing page?' });
    socket.send(JSON.stringify({ type: 'events_api', envelope_id: 'env-1', accepts_response_payload: false, retry_attempt: 0, payload: envelope(event) }));

    const [offer] = await fake.waitFor((c) => c.method === 'chat.postMessage' && offerIdOf(c) !== undefined);
    expect(offer!.args.channel).toBe(event.channel);
    expect(offer!.token).toBe('xoxb-test-0000-secret-bot-token');
    expect(acks).toContainEqual(expect.objectContaining({ envelope_id: 'env-1' }));
    expect(logs.join('\n')).not.toContain(APP_TOKEN);
  });
});

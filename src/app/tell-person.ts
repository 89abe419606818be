import type { Deps } from './deps.js';
import { enqueue } from './outbox.js';
import type { MessageContent } from './slack-port.js';

/** Sends a person a note by DM (where there is no response_url to answer with, such as App Home clicks). */
export async function tellPerson(deps: Pick<Deps, 'db' | 'clock' | 'outbox'>, userId: string, content: MessageContent): Promise<void> {
  await enqueue(deps.db, [{ kind: 'post', channel: userId, ...content }], deps.clock.now());
  deps.outbox.kick();
}

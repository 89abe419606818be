import type { RespondFn } from '@slack/bolt';
import type { Deps } from '../../app/deps.js';
import { tellPerson } from '../../app/tell-person.js';
import type { SlackMessage } from '../views/blocks.js';

/**
 * Answers the person who clicked, and only them: in place through the response_url when Slack sent one (Bolt
 * then provides `respond`), otherwise (App Home, some shortcuts) by DM.
 */
export async function answerPrivately(deps: Deps, respond: RespondFn | undefined, userId: string, note: SlackMessage): Promise<void> {
  if (typeof respond === 'function') await respond({ response_type: 'ephemeral', replace_original: false, ...note });
  else await tellPerson(deps, userId, note);
}

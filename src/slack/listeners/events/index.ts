import type { App } from '@slack/bolt';
import type { Deps } from '../../../app/deps.js';
import { handleAppHomeOpened } from './app-home-opened.js';
import { handleAppMention } from './app-mention.js';
import { handleDirectMessage } from './direct-message.js';
import { handleReactionAdded } from './reaction-added.js';

/** Registers the Events API listeners. */
export function register(app: App, deps: Deps): void {
  app.event('message', handleDirectMessage(deps));
  app.event('app_mention', handleAppMention(deps));
  app.event('reaction_added', handleReactionAdded(deps));
  app.event('app_home_opened', handleAppHomeOpened(deps));
}

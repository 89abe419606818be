import type { App, MessageShortcut } from '@slack/bolt';
import type { Deps } from '../../../app/deps.js';
import { CALLBACK_IDS } from '../../ids.js';
import { handleTicketFromMessage } from './ticket-from-message.js';

/** Registers the shortcut listeners. */
export function register(app: App, deps: Deps): void {
  app.shortcut<MessageShortcut>({ callback_id: CALLBACK_IDS.ticketFromMessage, type: 'message_action' }, handleTicketFromMessage(deps));
}

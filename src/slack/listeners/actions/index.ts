import type { App, BlockButtonAction } from '@slack/bolt';
import type { Deps } from '../../../app/deps.js';
import { ACTION_IDS } from '../../ids.js';
import { handleCreateTicketFromOffer } from './create-ticket-from-offer.js';
import { handleNotARequest } from './not-a-request.js';

/** Registers the Block Kit action listeners. */
export function register(app: App, deps: Deps): void {
  app.action<BlockButtonAction>(ACTION_IDS.createTicketFromOffer, handleCreateTicketFromOffer(deps));
  app.action<BlockButtonAction>(ACTION_IDS.notARequest, handleNotARequest(deps));
}

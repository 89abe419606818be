import type { App, BlockButtonAction, BlockStaticSelectAction } from '@slack/bolt';
import type { Deps } from '../../../app/deps.js';
import { ACTION_IDS, TICKET_ACTION_IDS } from '../../ids.js';
import { handleCreateTicketFromOffer } from './create-ticket-from-offer.js';
import { handleFocusEnd } from './focus-end.js';
import { handleFocusStart } from './focus-start.js';
import { handleHomeNewRequest } from './home-new-request.js';
import { handleHomePage } from './home-page.js';
import { handleNotARequest } from './not-a-request.js';
import { handleTicketAction } from './ticket-action.js';
import { handleUrgent } from './urgent.js';

/** Registers the Block Kit action listeners. */
export function register(app: App, deps: Deps): void {
  app.action<BlockButtonAction>(ACTION_IDS.createTicketFromOffer, handleCreateTicketFromOffer(deps));
  app.action<BlockButtonAction>(ACTION_IDS.notARequest, handleNotARequest(deps));
  app.action<BlockButtonAction>(ACTION_IDS.urgent, handleUrgent(deps));
  app.action<BlockButtonAction>(ACTION_IDS.homeNewRequest, handleHomeNewRequest(deps));
  app.action<BlockButtonAction>(ACTION_IDS.homePage, handleHomePage(deps));
  app.action<BlockButtonAction>(ACTION_IDS.homePagePrevious, handleHomePage(deps));
  app.action<BlockStaticSelectAction>(ACTION_IDS.focusStart, handleFocusStart(deps));
  app.action<BlockButtonAction>(ACTION_IDS.focusEnd, handleFocusEnd(deps));
  for (const actionId of Object.values(TICKET_ACTION_IDS)) app.action<BlockButtonAction>(actionId, handleTicketAction(deps));
}

import type { App, ViewSubmitAction } from '@slack/bolt';
import type { Deps } from '../../../app/deps.js';
import { CALLBACK_IDS } from '../../ids.js';
import { FORM_ACTIONS } from '../../views/change-forms.js';
import { handleChangeFormSubmission } from './change-form-submission.js';
import { handleTicketFormSubmission } from './ticket-form-submission.js';

/** Registers the modal submission listeners. */
export function register(app: App, deps: Deps): void {
  app.view<ViewSubmitAction>(CALLBACK_IDS.ticketForm, handleTicketFormSubmission(deps));
  for (const action of FORM_ACTIONS) app.view<ViewSubmitAction>(CALLBACK_IDS[`${action}Form`], handleChangeFormSubmission(deps, action));
}

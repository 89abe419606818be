import type { HomeView } from '@slack/types';
import { calendarDate } from '../core/dates.js';
import { activeFocus, availableFocusChoices } from '../core/focus.js';
import { findFocusUntil } from '../db/helper-settings-repository.js';
import { countDoneSince, listClosedBy, listOpenTickets, listTicketsOf } from '../db/ticket-repository.js';
import { buildHelperHome, buildRequesterHome, OWN_REQUESTS_MAX, RECENT_FINISHED } from '../slack/views/home.js';
import type { Deps } from './deps.js';
import { knownLocale } from './resolve-locale.js';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
// Enough of a requester's newest tickets to fill the open list (with a count beyond) and "Recently finished".
const REQUESTER_TICKETS_LOADED = 200;

/**
 * Builds a person's App Home tab from the current state, in their language: helpers see their Focus mode and the
 * queue (at `page`, clamped to the pages there are), everyone else only their own tickets.
 */
export async function renderHome(deps: Pick<Deps, 'db' | 'clock' | 'config'>, userId: string, page: number): Promise<HomeView> {
  const { db, clock, config } = deps;
  const now = clock.now();
  const today = calendarDate(now, config.timezone);
  // As last looked up (showHome looks it up when they open the tab): rendering runs in the outbox worker for many
  // people at once, and must not wait on users.info for each of them.
  const locale = await knownLocale(deps, userId);
  if (!config.helperUserIds.includes(userId)) {
    return buildRequesterHome({ tickets: await listTicketsOf(db, userId, REQUESTER_TICKETS_LOADED), today, locale });
  }
  const [openTickets, doneLastWeek, finishedByMe, ownRequests, focus] = await Promise.all([
    listOpenTickets(db),
    countDoneSince(db, new Date(now.getTime() - WEEK_MS)),
    listClosedBy(db, userId, RECENT_FINISHED),
    // Newest first: enough to show the first few open ones and know whether there are more.
    listTicketsOf(db, userId, OWN_REQUESTS_MAX * 10),
    findFocusUntil(db, userId),
  ]);
  const calendar = { timezone: config.timezone, workingHours: config.workingHours };
  return buildHelperHome({
    openTickets,
    doneLastWeek,
    finishedByMe,
    ownRequests,
    page,
    today,
    locale,
    focusUntil: activeFocus(focus, now),
    focusChoices: availableFocusChoices(now, calendar),
  });
}

import { deriveDetails, deriveTitle, type TicketDraft } from './ticket.js';

const FALLBACK = 'Other';

/** "Other" when the desk offers it, otherwise the last option (lists end with the catch-all by convention). */
function catchAll(options: readonly string[]): string {
  return options.includes(FALLBACK) ? FALLBACK : (options.at(-1) ?? FALLBACK);
}

/**
 * A ticket draft filed without a form (a helper's :ticket: reaction): title and details from the message,
 * category "Other" (or the last category), the author's remembered team if the desk still offers it (else "Other"
 * or the last team), normal urgency, no due date.
 */
export function draftFromMessage(
  slackText: string,
  options: { categories: readonly string[]; teams: readonly string[]; rememberedTeam?: string | undefined },
): TicketDraft {
  const { rememberedTeam } = options;
  return {
    title: deriveTitle(slackText),
    details: deriveDetails(slackText),
    category: catchAll(options.categories),
    team: rememberedTeam && options.teams.includes(rememberedTeam) ? rememberedTeam : catchAll(options.teams),
    dueDate: null,
    urgency: 'normal',
  };
}

/**
 * Whom a ticket made from a message is for: the message's author when a helper files it and someone else wrote it,
 * otherwise the person filing it.
 */
export function requesterOfMessage(filerId: string, authorId: string | undefined, helperIds: readonly string[]): string {
  return authorId && authorId !== filerId && helperIds.includes(filerId) ? authorId : filerId;
}

import type { DigestPreviewOutcome } from '../../app/preview-weekly-digest.js';
import type { ExportOutcome } from '../../app/export-tickets-to-dm.js';
import { context, LIMITS, section, type SlackMessage } from './blocks.js';

const HELPERS_ONLY =
  'The weekly digest preview and the ticket export are for the helpers who run the desk. ' +
  'Your own requests are always in `/request list`, and `/request help` shows everything you can do.';

const message = (text: string): SlackMessage => ({ text, blocks: [section(text)] });

/** `/request digest`: the weekly digest with a note that this is a private preview (no chart), or a polite no. */
export function buildDigestPreviewReply(outcome: DigestPreviewOutcome): SlackMessage {
  if (!outcome.ok) return message(HELPERS_ONLY);
  const note = context(`Preview of the weekly digest for ${outcome.week} — only you can see this. The posted digest comes with a chart.`);
  return { text: outcome.message.text, blocks: [note, ...outcome.message.blocks].slice(0, LIMITS.messageBlocks) };
}

/** `/request export`: where the file went, why it did not arrive, or a polite no. */
export function buildExportReply(outcome: ExportOutcome): SlackMessage {
  if (outcome.ok) {
    return message(`Done: the CSV with all ${outcome.tickets.toLocaleString('en-US')} tickets is in our DM.`);
  }
  if (outcome.reason === 'not_helper') return message(HELPERS_ONLY);
  return message(`Sorry, Slack would not take the export file just now (${outcome.code}). Please try \`/request export\` again in a minute.`);
}

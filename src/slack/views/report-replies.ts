import type { DigestPreviewOutcome } from '../../app/preview-weekly-digest.js';
import type { ExportOutcome } from '../../app/export-tickets-to-dm.js';
import { t } from '../../i18n/catalog.js';
import { formatNumber } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locale.js';
import { context, LIMITS, section, type SlackMessage } from './blocks.js';

const message = (text: string): SlackMessage => ({ text, blocks: [section(text)] });

/** `/request digest`: the weekly digest with a note that this is a private preview (no chart), or a polite no. */
export function buildDigestPreviewReply(outcome: DigestPreviewOutcome, locale: Locale): SlackMessage {
  if (!outcome.ok) return message(t(locale, 'report.helpersOnly'));
  const note = context(t(locale, 'report.previewNote', { week: outcome.week }));
  return { text: outcome.message.text, blocks: [note, ...outcome.message.blocks].slice(0, LIMITS.messageBlocks) };
}

/** `/request export`: where the file went, why it did not arrive, or a polite no. */
export function buildExportReply(outcome: ExportOutcome, locale: Locale): SlackMessage {
  if (outcome.ok) return message(t(locale, 'report.exported', { count: formatNumber(outcome.tickets, locale) }));
  if (outcome.reason === 'not_helper') return message(t(locale, 'report.helpersOnly'));
  return message(t(locale, 'report.exportFailed', { code: outcome.code }));
}

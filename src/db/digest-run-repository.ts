import type { DigestKind } from '../core/digest-schedule.js';
import type { Db } from './database.js';
import type { DigestRunRow } from './schema.js';

/** A digest period's record: claimed ('posting'), 'posted', or 'skipped' (missed while the bot was down). */
export interface DigestRun {
  kind: DigestKind;
  period: string;
  status: 'posting' | 'posted' | 'skipped';
  scheduledFor: Date;
  claimedAt: Date;
  claimedBy: string;
  channelId: string | null;
  messageTs: string | null;
  postedAt: Date | null;
  note: string | null;
}

const toRun = (r: DigestRunRow): DigestRun => ({
  kind: r.kind as DigestKind,
  period: r.period,
  status: r.status as DigestRun['status'],
  scheduledFor: new Date(r.scheduled_for),
  claimedAt: new Date(r.claimed_at),
  claimedBy: r.claimed_by,
  channelId: r.channel_id,
  messageTs: r.message_ts,
  postedAt: r.posted_at ? new Date(r.posted_at) : null,
  note: r.note,
});

/** The record of this digest period, if any. */
export async function findDigestRun(db: Db, kind: DigestKind, period: string): Promise<DigestRun | undefined> {
  const row = await db.selectFrom('digest_runs').selectAll().where('kind', '=', kind).where('period', '=', period).executeTakeFirst();
  return row ? toRun(row) : undefined;
}

/**
 * Records a period as claimed (status 'posting') or 'skipped' — only if nobody recorded it before. The primary key
 * makes this the one place two processes race; exactly one gets true.
 */
export async function claimDigestRun(
  db: Db,
  run: { kind: DigestKind; period: string; status: 'posting' | 'skipped'; scheduledFor: Date; at: Date; by: string; channelId: string; note?: string },
): Promise<boolean> {
  const res = await db
    .insertInto('digest_runs')
    .values({
      kind: run.kind,
      period: run.period,
      status: run.status,
      scheduled_for: run.scheduledFor.toISOString(),
      claimed_at: run.at.toISOString(),
      claimed_by: run.by,
      channel_id: run.channelId,
      message_ts: null,
      posted_at: null,
      note: run.note ?? null,
    })
    .onConflict((oc) => oc.columns(['kind', 'period']).doNothing())
    .executeTakeFirst();
  return (res.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/** Marks a period posted (after Slack accepted the message), or posted again with --force. */
export async function markDigestPosted(
  db: Db,
  run: { kind: DigestKind; period: string; scheduledFor: Date; at: Date; by: string; channelId: string; messageTs: string },
): Promise<void> {
  const values = {
    status: 'posted',
    channel_id: run.channelId,
    message_ts: run.messageTs,
    posted_at: run.at.toISOString(),
  };
  await db
    .insertInto('digest_runs')
    .values({ kind: run.kind, period: run.period, scheduled_for: run.scheduledFor.toISOString(), claimed_at: run.at.toISOString(), claimed_by: run.by, note: null, ...values })
    .onConflict((oc) => oc.columns(['kind', 'period']).doUpdateSet(values))
    .execute();
}

/** Gives a claim up (the post failed and will be tried again by someone). */
export async function releaseDigestClaim(db: Db, kind: DigestKind, period: string): Promise<void> {
  await db.deleteFrom('digest_runs').where('kind', '=', kind).where('period', '=', period).where('status', '=', 'posting').execute();
}

/** When the last digest of this kind was posted. */
export async function lastPostedAt(db: Db, kind: DigestKind): Promise<Date | undefined> {
  const row = await db
    .selectFrom('digest_runs')
    .select((eb) => eb.fn.max('posted_at').as('at'))
    .where('kind', '=', kind)
    .where('status', '=', 'posted')
    .executeTakeFirst();
  return row?.at ? new Date(row.at) : undefined;
}

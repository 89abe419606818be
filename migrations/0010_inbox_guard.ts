import { sql, type Kysely } from 'kysely';

/**
 * The helper-inbox guard: offers now say whether the bot made them (a DM or @mention of the bot) or answered in a
 * helper's own inbox, and a ticket filed from such an answer says whose inbox it came from; "It's urgent" presses
 * are counted per person and day; helpers can switch on focus time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tickets').addColumn('inbox_owner_id', 'text').execute();
  await db.schema
    .alterTable('offers')
    .addColumn('via', 'text', (c) => c.notNull().defaultTo('bot').check(sql`via in ('bot', 'inbox')`))
    .execute();
  await db.schema
    .createTable('urgent_escalations')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('offer_id', 'integer', (c) => c.notNull().references('offers.id'))
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addUniqueConstraint('urgent_escalations_offer', ['offer_id'])
    .execute();
  await db.schema.createIndex('urgent_escalations_user_day').on('urgent_escalations').columns(['user_id', 'local_date']).execute();
  await db.schema
    .createTable('helper_settings')
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('focus_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('helper_settings').execute();
  await db.schema.dropTable('urgent_escalations').execute();
  await db.schema.alterTable('offers').dropColumn('via').execute();
  await db.schema.alterTable('tickets').dropColumn('inbox_owner_id').execute();
}

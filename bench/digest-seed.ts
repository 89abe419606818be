import { DEFAULT_CATEGORIES, DEFAULT_TEAMS } from '../src/config.js';
import { seedDatabase } from './seed.js';

/**
 * A desk's history for the digest benchmark and the README sample: tickets over two years before `now`, growing
 * slowly with a five-week ebb and flow, with first responses, closings, time spent, history entries and offers.
 * Every value is a deterministic hash of the row number, so every run seeds the same data. Generated inside SQLite
 * (recursive counters), as bench/seed.ts does, because a round trip per row would take minutes for a million.
 */

const SPAN_DAYS = 730;
const REQUESTERS = 5000;

/** `values[k]` for the first k whose cumulative per-mille weight exceeds `expr` (0–999). */
function sqlWeighted(expr: string, values: readonly string[], weights: readonly number[]): string {
  const quote = (v: string) => `'${v.replaceAll("'", "''")}'`;
  let acc = 0;
  const whens = values.slice(0, -1).map((v, k) => `when ${expr} < ${(acc += weights[k] ?? 0)} then ${quote(v)}`);
  return `case ${whens.join(' ')} else ${quote(values.at(-1) ?? '')} end`;
}

// Per mille: Sales brings the most, Leadership rarely asks (and so is folded into "Other teams" in a small desk).
const TEAM_WEIGHTS = [350, 200, 150, 80, 80, 60, 30, 50];
const CATEGORY_WEIGHTS = [350, 250, 200, 120, 80];
const TITLES = ['Update the pricing page', 'Banner for the webinar', 'Slides for the QBR', 'Access to the analytics tool', 'Proofread the launch email', 'New one-pager for sales'];

// h1..h5: independent-looking hashes of the row number in 0–999 (multiplicative hashing modulo a prime).
const HASHES = [2654435761, 2246822519, 3266489917, 668265263, 374761393].map((m, k) => `((i * ${m}) % 4294967291) % 1000 as h${k + 1}`).join(', ');

const INSERT_TICKETS = `
  with recursive n(i) as (select 1 union all select i + 1 from n where i < :count),
  base as (
    select i, ${HASHES},
           -- Growth (u^0.85) plus a five-week wave; still monotonic in i.
           :start + :span * (pow(i * 1.0 / :count, 0.85) + 0.25 * sin(6.2831853 * 21 * i / :count) / (6.2831853 * 21)) as created
      from n),
  timed as (
    select *, created + 600 + ((h4 * h5) % 1000) * 36 as responded, :now - created as age from base),
  fate as (
    select *,
           case when responded > :now or (age < 3 * 86400 and h5 < 200) then 'new'
                when age < 4 * 86400 and h2 < 400 then 'in_progress'
                when responded + 60 + ((h1 * h3) % 1000) * 130 > :now then 'in_progress'
                when h5 < 800 then 'done' when h5 < 900 then 'declined' else 'redirected' end as status
      from timed)
  insert into tickets (title, details, requester_id, filed_by_id, team, category, urgency, due_date, status, source,
                       source_channel_id, source_ts, triage_channel_id, triage_ts, triage_permalink, created_at, updated_at,
                       assignee_id, minutes_spent, first_response_at, closed_at)
  select ${sqlWeighted('h4', TITLES, TITLES.map(() => 167))} || ' ' || i, 'Seeded request',
         'U0SEED' || (i * 7919) % ${REQUESTERS}, 'U0SEED' || (i * 7919) % ${REQUESTERS},
         ${sqlWeighted('h1', DEFAULT_TEAMS, TEAM_WEIGHTS)},
         ${sqlWeighted('h2', DEFAULT_CATEGORIES, CATEGORY_WEIGHTS)},
         case when h4 % 100 < 20 then 'low' when h4 % 100 < 90 then 'normal' else 'urgent' end,
         case when h4 % 10 < 3 then date(created + (2 + h1 % 8) * 86400, 'unixepoch') end,
         status,
         ${sqlWeighted('h3', ['dm', 'mention', 'command', 'shortcut', 'reaction'], [400, 150, 350, 60])},
         'D' || i, printf('%d.%06d', created, i % 1000000),
         'C0TRIAGE', printf('%d.%06d', created + 1, i % 1000000),
         'https://acme.slack.com/archives/C0TRIAGE/p' || printf('%d%06d', created + 1, i % 1000000),
         strftime('%Y-%m-%dT%H:%M:%fZ', created, 'unixepoch'),
         strftime('%Y-%m-%dT%H:%M:%fZ', created, 'unixepoch'),
         case when status <> 'new' then 'UHELPER1' end,
         case status when 'done' then 15 + (h3 % 12) * 15 when 'new' then 0 when 'in_progress' then 0 else 10 end,
         case when status <> 'new' then strftime('%Y-%m-%dT%H:%M:%fZ', responded, 'unixepoch') end,
         case when status in ('done', 'declined', 'redirected')
              then strftime('%Y-%m-%dT%H:%M:%fZ', responded + 60 + ((h1 * h3) % 1000) * 130, 'unixepoch') end
    from fate`;

// Filed, started (first response) and closed, with the time spent on the closing entry.
const INSERT_HISTORY = `
  insert into ticket_history (ticket_number, at, actor_id, action, from_status, to_status, note, minutes_spent)
  select number, created_at, requester_id, 'created', null, 'new', null, null from tickets
  union all
  select number, first_response_at, 'UHELPER1', 'started', 'new', 'in_progress', null, null from tickets where first_response_at is not null
  union all
  select number, closed_at, 'UHELPER1', status, 'in_progress', status, 'Seeded', minutes_spent from tickets where closed_at is not null`;

// Every DM or mention ticket came from an offer; about as many offers again did not become tickets.
const INSERT_OFFERS = `
  insert into offers (user_id, channel_id, message_ts, thread_ts, source, text, permalink, outcome, ticket_number, created_at, resolved_at)
  select requester_id, 'D' || number, source_ts, null, source, null, null, 'ticket_filed', number,
         strftime('%Y-%m-%dT%H:%M:%fZ', julianday(created_at) - 2.0 / 1440), created_at
    from tickets where source in ('dm', 'mention')
  union all
  select requester_id, 'D' || number, 'x' || source_ts, null, case when number % 3 = 0 then 'mention' else 'dm' end, null, null,
         case when number % 5 < 2 then 'not_a_request' else 'ignored' end, null,
         strftime('%Y-%m-%dT%H:%M:%fZ', julianday(created_at) - 0.1), created_at
    from tickets where (number * 2654435761) % 4294967291 % 1000 < 700`;

/**
 * Creates a SQLite file with the real schema holding `count` tickets over the two years before `now`, with their
 * history and offers; returns the seconds it took and the file size.
 */
export function seedDigestHistory(path: string, count: number, now: Date): Promise<{ seconds: number; megabytes: number }> {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  return seedDatabase(path, { tables: ['tickets', 'ticket_history', 'offers'], cacheMb: 512 }, (sqlite) => {
    sqlite.prepare(INSERT_TICKETS).run({ count, now: nowSeconds, start: nowSeconds - SPAN_DAYS * 86_400, span: SPAN_DAYS * 86_400 });
    sqlite.exec(INSERT_HISTORY);
    sqlite.exec(INSERT_OFFERS);
  });
}

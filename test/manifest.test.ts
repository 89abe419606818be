import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CALLBACK_IDS, COMMANDS, EVENT_TYPES } from '../src/slack/ids.js';

const text = readFileSync('manifest.yml', 'utf8');
const manifest = parse(text) as {
  features: { slash_commands: { command: string }[]; app_home: Record<string, boolean>; shortcuts: { type: string; callback_id: string }[] };
  oauth_config: { scopes: { bot: string[]; user: string[] } };
  settings: { event_subscriptions: { bot_events: string[]; user_events: string[] }; interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
};

// Slack's published manifest schema, kept outside the project (see ../shared/slack/README.md).
const SCHEMA = resolve('..', 'shared', 'slack', 'manifest.schema.1.0.0.json');

// Our event types → the subscription names Slack uses (message events come per conversation type).
const SUBSCRIPTIONS: Record<(typeof EVENT_TYPES)[number], string> = {
  message: 'message.im',
  app_mention: 'app_mention',
  reaction_added: 'reaction_added',
  app_home_opened: 'app_home_opened',
};

describe('manifest.yml', () => {
  it('subscribes to exactly the events the app handles', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(EVENT_TYPES.map((e) => SUBSCRIPTIONS[e]).sort());
  });

  it('declares every slash command the app handles', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(Object.values(COMMANDS));
  });

  it('asks for the scopes the app needs, and no others', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'app_mentions:read',
      'channels:history',
      'chat:write',
      'commands',
      'files:write',
      'groups:history',
      'im:history',
      'im:write',
      'reactions:read',
      'reactions:write',
      'users:read',
    ]);
  });

  it('asks the helper, for the inbox guard only, to read their DMs and channel messages and to post as them', () => {
    expect([...manifest.oauth_config.scopes.user].sort()).toEqual(['channels:history', 'chat:write', 'groups:history', 'im:history']);
    expect([...manifest.settings.event_subscriptions.user_events].sort()).toEqual(['message.channels', 'message.groups', 'message.im']);
  });

  it('explains every scope with a comment on the line above', () => {
    const lines = text.split('\n');
    const userSection = lines.findIndex((l) => l.trim() === 'user:');
    const sections = [
      { scopes: manifest.oauth_config.scopes.bot, from: 0 },
      { scopes: manifest.oauth_config.scopes.user, from: userSection },
    ];
    for (const { scopes, from } of sections) {
      for (const scope of scopes) {
        const at = lines.findIndex((l, i) => i > from && l.trim() === `- ${scope}`);
        expect(at, scope).toBeGreaterThan(from);
        expect(lines[at - 1]?.trim(), scope).toMatch(/^# \S/);
      }
    }
  });

  it('declares the message shortcut the app handles', () => {
    expect(manifest.features.shortcuts).toEqual([expect.objectContaining({ type: 'message', callback_id: CALLBACK_IDS.ticketFromMessage })]);
  });

  it('enables interactivity, the Home and Messages tabs, and Socket Mode', () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it.runIf(existsSync(SCHEMA))("is valid against Slack's manifest schema", () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')) as object);
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { requestShapeProblem } from '../../src/slack/request-shape.js';
import { isAllowedTeam, requestTeam } from '../../src/slack/team-gate.js';
import { buttonClick, dmEvent, envelope, formSubmission, slashCommand } from '../support/payloads.js';

describe('requestShapeProblem', () => {
  it.each([
    ['an event', envelope(dmEvent({ user: 'UA', text: 'hi' }))],
    ['a command', slashCommand({ user: 'UA' })],
    ['a button click', buttonClick({ user: 'UA', actionId: 'x', value: '1', channel: 'D1', messageTs: '1.1' })],
    ['a view submission', formSubmission({ user: 'UA', form: {} })],
    ['a shortcut', { type: 'shortcut', callback_id: 'c', trigger_id: 't', user: { id: 'UA' } }],
  ])('accepts %s', (_label, body) => {
    expect(requestShapeProblem(body)).toBeUndefined();
  });

  it.each([
    ['null', null, 'not an object'],
    ['an array', [1], 'not an object'],
    ['an unknown type', { type: 'mystery' }, 'unknown request type "mystery"'],
    ['an event that is a number', { type: 'event_callback', event_id: 'Ev1', event: 5 }, 'malformed event: event'],
    ['an event without id', { type: 'event_callback', event: { type: 'message' } }, 'malformed event: event_id'],
    ['actions that are not a list', { type: 'block_actions', actions: 'x', user: { id: 'UA' } }, 'malformed block_actions: actions'],
    ['no actions', { type: 'block_actions', actions: [], user: { id: 'UA' } }, 'malformed block_actions: actions'],
    ['a command without trigger', { command: '/request', user_id: 'UA' }, 'malformed command: trigger_id'],
    ['a view without user', { type: 'view_submission', view: { id: 'V1', callback_id: 'c' } }, 'malformed view: user'],
  ])('names the problem with %s', (_label, body, problem) => {
    expect(requestShapeProblem(body)).toBe(problem);
  });
});

describe('requestTeam and isAllowedTeam', () => {
  it.each([
    ['an event (authorizations first)', { team_id: 'T1', authorizations: [{ team_id: 'T2', enterprise_id: 'E1' }] }, { teamId: 'T2', enterpriseId: 'E1' }],
    ['a command', { team_id: 'T1', enterprise_id: 'E1' }, { teamId: 'T1', enterpriseId: 'E1' }],
    ['an interaction', { team: { id: 'T3', enterprise_id: 'E2' } }, { teamId: 'T3', enterpriseId: 'E2' }],
    ['an org-wide interaction (team null)', { team: null, user: { team_id: 'T4' } }, { teamId: 'T4', enterpriseId: undefined }],
    ['garbage', 'x', { teamId: undefined, enterpriseId: undefined }],
  ])('reads the team of %s', (_label, body, expected) => {
    expect(requestTeam(body)).toEqual(expected);
  });

  it.each([
    [{ teamId: 'T1' }, true],
    [{ teamId: 'T9', enterpriseId: 'E1' }, true],
    [{ teamId: 'T9' }, false],
    [{}, false],
  ])('allows %j: %s', (team, expected) => {
    expect(isAllowedTeam(new Set(['T1', 'E1']), team)).toBe(expected);
  });
});

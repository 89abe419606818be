import { z } from 'zod';

// Slack's IDs and timestamps, checked wherever they enter from a payload: they end up inside mrkdwn (`<@U…>`) and
// API calls, so a forged "U1><!channel>" must never get that far.
/** A user ID: U… or W… (Enterprise Grid). */
export const slackUserId = z.string().regex(/^[UW][A-Z0-9]{2,30}$/);
/** A conversation ID: C… (channel), G… (private or group DM), D… (DM). */
export const slackChannelId = z.string().regex(/^[CGD][A-Z0-9]{2,30}$/);
/** A message timestamp such as 1764200000.000100. */
export const slackTs = z.string().regex(/^\d{9,11}\.\d{1,9}$/);

import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, planRetry, type DeliveryFailure, type RetryPlan, type RetryPolicy } from '../../src/core/retry-policy.js';

const NOW = new Date('2026-03-10T12:00:00.000Z');
const after = (ms: number): RetryPlan => ({ action: 'retry', at: new Date(NOW.getTime() + ms) });
const GIVE_UP: RetryPlan = { action: 'give_up' };

const passing: DeliveryFailure = { retryable: true };
const permanent: DeliveryFailure = { retryable: false };
const rateLimited = (seconds: number): DeliveryFailure => ({ retryable: true, retryAfterSeconds: seconds });

describe('planRetry', () => {
  it('uses 10 attempts, 3× for rate limits, 1 s base and a 5 minute cap by default', () => {
    expect(DEFAULT_RETRY_POLICY).toEqual({ maxAttempts: 10, rateLimitFactor: 3, baseDelayMs: 1000, maxDelayMs: 300_000 });
  });

  it.each<[name: string, attempts: number, failure: DeliveryFailure, expected: RetryPlan]>([
    // permanent errors
    ['permanent error on the first attempt', 1, permanent, GIVE_UP],
    ['permanent error even with a Retry-After', 1, { retryable: false, retryAfterSeconds: 5 }, GIVE_UP],

    // Retry-After honoured, without jitter
    ['Retry-After 30 s', 1, rateLimited(30), after(30_000)],
    ['Retry-After 1 s', 3, rateLimited(1), after(1000)],
    ['Retry-After 0 waits at least 1 s', 1, rateLimited(0), after(1000)],
    ['negative Retry-After waits at least 1 s', 1, rateLimited(-5), after(1000)],
    ['Retry-After 2.5 s', 1, rateLimited(2.5), after(2500)],
    ['Retry-After 10 minutes is not capped', 1, rateLimited(600), after(600_000)],

    // rate limits get a larger budget: 10 × 3 = 30 attempts
    ['rate-limited past the normal budget still retries', 10, rateLimited(5), after(5000)],
    ['rate-limited on attempt 29 retries', 29, rateLimited(5), after(5000)],
    ['rate-limited on attempt 30 gives up', 30, rateLimited(5), GIVE_UP],
    ['rate-limited on attempt 31 gives up', 31, rateLimited(5), GIVE_UP],

    // exponential backoff, jitter at its midpoint (random defaults to 0.5)
    ['first failure: 1 s', 1, passing, after(1000)],
    ['second failure: 2 s', 2, passing, after(2000)],
    ['third failure: 4 s', 3, passing, after(4000)],
    ['ninth failure: 256 s', 9, passing, after(256_000)],
    ['zero attempts counts as the first', 0, passing, after(1000)],

    // max attempts
    ['tenth failure gives up', 10, passing, GIVE_UP],
    ['eleventh failure gives up', 11, passing, GIVE_UP],
  ])('%s', (_name, attempts, failure, expected) => {
    expect(planRetry({ attempts, failure, now: NOW })).toEqual(expected);
  });

  it.each<[attempts: number, random: number, delayMs: number]>([
    // jitter spreads the delay over [0.8, 1.2) of the backoff
    [1, 0, 800],
    [1, 0.5, 1000],
    [1, 0.999, 1200], // 1199.6 rounded
    [3, 0, 3200],
    [3, 0.25, 3600],
    [3, 0.75, 4400],
    [5, 0.1, 13_440], // 16 s × 0.84
  ])('attempt %i with random %d waits %i ms', (attempts, random, delayMs) => {
    expect(planRetry({ attempts, failure: passing, now: NOW, random })).toEqual(after(delayMs));
  });

  it.each([0, 0.25, 0.5, 0.75, 0.999])('with random %d, jitter keeps every delay within a fifth of the backoff', (random) => {
    for (let attempts = 1; attempts <= 8; attempts++) {
      const plan = planRetry({ attempts, failure: passing, now: NOW, random });
      if (plan.action !== 'retry') throw new Error(`expected a retry on attempt ${attempts}`);
      const delay = plan.at.getTime() - NOW.getTime();
      const backoff = 1000 * 2 ** (attempts - 1);
      expect(delay).toBeGreaterThanOrEqual(Math.floor(backoff * 0.8));
      expect(delay).toBeLessThanOrEqual(Math.ceil(backoff * 1.2));
    }
  });

  it('ignores the jitter for a Retry-After', () => {
    expect(planRetry({ attempts: 1, failure: rateLimited(10), now: NOW, random: 0 })).toEqual(after(10_000));
    expect(planRetry({ attempts: 1, failure: rateLimited(10), now: NOW, random: 0.999 })).toEqual(after(10_000));
  });

  describe('with a custom policy', () => {
    const policy: RetryPolicy = { maxAttempts: 20, rateLimitFactor: 2, baseDelayMs: 500, maxDelayMs: 10_000 };

    it.each<[attempts: number, failure: DeliveryFailure, expected: RetryPlan]>([
      [1, passing, after(500)],
      [4, passing, after(4000)],
      [5, passing, after(8000)],
      [6, passing, after(10_000)], // 16 s backoff capped at 10 s
      [19, passing, after(10_000)],
      [20, passing, GIVE_UP],
      [39, rateLimited(3), after(3000)],
      [40, rateLimited(3), GIVE_UP],
    ])('attempt %i, %j', (attempts, failure, expected) => {
      expect(planRetry({ attempts, failure, now: NOW, policy })).toEqual(expected);
    });

    it.each([0, 0.5, 0.999])('never waits longer than maxDelayMs once capped (random %d)', (random) => {
      for (const attempts of [6, 10, 19]) {
        const plan = planRetry({ attempts, failure: passing, now: NOW, policy, random });
        if (plan.action !== 'retry') throw new Error(`expected a retry on attempt ${attempts}`);
        expect(plan.at.getTime() - NOW.getTime()).toBeLessThanOrEqual(policy.maxDelayMs);
      }
    });
  });

  it.each([0, 0.5, 0.999])('with the default policy no wait exceeds the 5 minute cap (random %d)', (random) => {
    for (let attempts = 1; attempts < DEFAULT_RETRY_POLICY.maxAttempts; attempts++) {
      const plan = planRetry({ attempts, failure: passing, now: NOW, random });
      if (plan.action !== 'retry') throw new Error(`expected a retry on attempt ${attempts}`);
      expect(plan.at.getTime() - NOW.getTime()).toBeLessThanOrEqual(5 * 60_000);
    }
  });
});

/** How a failed delivery failed, as far as retrying is concerned. */
export interface DeliveryFailure {
  retryable: boolean;
  /** Slack's Retry-After, for rate limits. */
  retryAfterSeconds?: number | undefined;
}

export type RetryPlan = { action: 'retry'; at: Date } | { action: 'give_up' };

export interface RetryPolicy {
  /** Attempts before a message is marked failed; rate-limited messages get `rateLimitFactor` times as many. */
  maxAttempts: number;
  rateLimitFactor: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** 1 s, 2 s, 4 s … capped at 5 minutes; ten attempts span about ten minutes of outage. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 10, rateLimitFactor: 3, baseDelayMs: 1000, maxDelayMs: 5 * 60_000 };

/**
 * Decides what to do after a failed delivery: wait for Slack's Retry-After on a rate limit (with a larger budget of
 * attempts, since Slack said when to come back), back off exponentially with jitter on a passing fault, give up on a permanent error or after
 * `maxAttempts`. `random` in [0, 1) spreads retries so a recovering Slack is not hit all at once.
 */
export function planRetry(input: {
  attempts: number;
  failure: DeliveryFailure;
  now: Date;
  policy?: RetryPolicy;
  random?: number;
}): RetryPlan {
  const { attempts, failure, now, policy = DEFAULT_RETRY_POLICY, random = 0.5 } = input;
  if (!failure.retryable) return { action: 'give_up' };
  if (failure.retryAfterSeconds !== undefined) {
    if (attempts >= policy.maxAttempts * policy.rateLimitFactor) return { action: 'give_up' };
    const waitMs = Math.max(1, failure.retryAfterSeconds) * 1000;
    return { action: 'retry', at: new Date(now.getTime() + waitMs) };
  }
  if (attempts >= policy.maxAttempts) return { action: 'give_up' };
  const exp = policy.baseDelayMs * 2 ** Math.max(0, attempts - 1);
  const delay = Math.min(exp * (0.8 + 0.4 * random), policy.maxDelayMs);
  return { action: 'retry', at: new Date(now.getTime() + Math.round(delay)) };
}

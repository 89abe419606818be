import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { InflightTracker } from '../inflight.js';

/** Global middleware: everything listeners do counts as in-flight work until it finishes (graceful shutdown). */
export function trackInflight(tracker: InflightTracker): Middleware<AnyMiddlewareArgs> {
  return async ({ next }) => {
    await tracker.track(next());
  };
}

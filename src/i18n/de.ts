import type { en } from './en.js';
import { helperDe } from './helper.de.js';
import { inboxDe } from './inbox.de.js';
import { requesterDe } from './requester.de.js';

/** German texts: written, not machine-translated (PRODUCT.md), with the same keys as English. */
export const de: Record<keyof typeof en, string> = {
  ...inboxDe,
  ...helperDe,
  ...requesterDe,
};

import { helperEn } from './helper.en.js';
import { inboxEn } from './inbox.en.js';
import { requesterEn } from './requester.en.js';

/** English texts (the reference catalog). */
export const en = {
  ...inboxEn,
  ...helperEn,
  ...requesterEn,
} as const;

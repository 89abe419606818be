import { inboxEn } from './inbox.en.js';

/** English texts (the reference catalog). */
export const en = {
  ...inboxEn,
} as const;

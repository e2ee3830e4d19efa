/** DateEquals, DateNotEquals, DateLessThan(Equals), DateGreaterThan(Equals): ISO 8601 or epoch seconds. */
import { comparableFamily } from './comparable.js';

const EPOCH_SECONDS = /^-?\d+$/;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?)?$/;

/** Milliseconds since the epoch, or undefined when the text is neither epoch seconds nor ISO 8601. */
export function parseDate(text: string): number | undefined {
  const t = text.trim();
  if (EPOCH_SECONDS.test(t)) return Number(t) * 1000;
  if (!ISO_8601.test(t)) return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms;
}

export const dateOperators = comparableFamily('Date', parseDate);

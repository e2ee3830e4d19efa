import { test, expect } from '@playwright/test';
import { ManualClock, unixSeconds } from '../../harness/clock.js';

test('a manual clock moves only when told', () => {
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const t0 = unixSeconds(clock);
  clock.advance(30);
  expect(unixSeconds(clock) - t0).toBe(30);
});

/** The session store is bounded: sessions leave a day after expiry (answering ExpiredToken until then) and by capacity. */
import { test, expect } from '@playwright/test';
import { ManualClock } from '../../../harness/clock.js';
import { EXPIRED_RETENTION_MS, SessionStore } from '../../../harness/gate/sessions.js';
import { issuedSession } from '../reads/fixtures.js';

test('an expired session is still known until the retention ends, then it is gone', () => {
  const clock = new ManualClock();
  const store = new SessionStore(clock);
  const session = issuedSession(clock);
  store.add(session);
  clock.advance(3600 + 60);
  expect(store.get(session.accessKeyId)).toBe(session);
  clock.advance(EXPIRED_RETENTION_MS / 1000);
  expect(store.get(session.accessKeyId)).toBeUndefined();
  expect(store.size).toBe(0);
});

test('beyond its capacity the store drops the oldest sessions', () => {
  const clock = new ManualClock();
  const store = new SessionStore(clock, 3);
  for (let i = 0; i < 5; i++) store.add(issuedSession(clock, { accessKeyId: `ASIA${i}` }));
  expect(store.size).toBe(3);
  expect(store.get('ASIA0')).toBeUndefined();
  expect(store.get('ASIA4')).toBeDefined();
});

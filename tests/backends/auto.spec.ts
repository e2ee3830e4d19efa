import { expect, test } from '@playwright/test';
import { AutoBackend, chooseAutoTarget } from '../../harness/backends/auto.js';
import { createBackend } from '../../harness/backends/index.js';
import type { BackendBuilder, StartedBackend } from '../../harness/backends/types.js';

test('auto picks LocalStack when a Docker engine answers, else moto, and says why', async () => {
  expect(await chooseAutoTarget(async () => true)).toEqual({ kind: 'localstack', reason: 'a Docker engine answers' });
  expect(await chooseAutoTarget(async () => false)).toEqual({ kind: 'moto', reason: 'no Docker engine answers' });
});

test('the auto builder starts the chosen backend and logs the choice', async () => {
  const built: string[] = [];
  const fakeStarted = {} as StartedBackend;
  const builder = new AutoBackend(
    (kind): BackendBuilder => (built.push(kind), { kind, start: async () => fakeStarted }),
    async () => false,
  );
  const log: string[] = [];
  expect(await builder.start({ log: (l) => log.push(l) })).toBe(fakeStarted);
  expect(built).toEqual(['moto']);
  expect(builder.kind).toBe('moto');
  expect(log).toEqual(['--target auto: using moto (no Docker engine answers)']);
});

test('createBackend returns the builder of each target', () => {
  for (const kind of ['moto', 'localstack', 'endpoint', 'aws'] as const) expect(createBackend(kind).kind).toBe(kind);
  expect(createBackend('auto')).toBeInstanceOf(AutoBackend);
});

import { expect, test } from '@playwright/test';
import { AutoBackend, chooseAutoTarget } from '../../harness/backends/auto.js';
import { createBackend } from '../../harness/backends/index.js';
import type { BackendBuilder, StartedBackend } from '../../harness/backends/types.js';
import { dockerAnswers, pingDockerHost } from '../../harness/backends/docker.js';
import { HarnessError } from '../../harness/errors.js';

test('auto picks LocalStack when a Docker engine answers, else moto, and says why', async () => {
  expect(await chooseAutoTarget(async () => true)).toEqual({ kind: 'localstack', reason: 'a Docker engine answers' });
  expect(await chooseAutoTarget(async () => false)).toEqual({ kind: 'moto', reason: 'no Docker engine answers' });
});

test('the auto builder starts the chosen backend and logs the choice', async () => {
  const built: string[] = [];
  const builder = new AutoBackend(
    (kind): BackendBuilder => (built.push(kind), { kind, start: async () => fakeBackend(kind) }),
    async () => false,
  );
  const log: string[] = [];
  const started = await builder.start({ log: (l) => log.push(l) });
  expect(started.describe()).toMatchObject({ kind: 'moto', reason: '--target auto: using moto (no Docker engine answers)' });
  expect(built).toEqual(['moto']);
  expect(builder.kind).toBe('moto');
  expect(log).toEqual(['--target auto: using moto (no Docker engine answers)']);
});

test('createBackend returns the builder of each target', () => {
  for (const kind of ['moto', 'localstack', 'endpoint', 'aws'] as const) expect(createBackend(kind).kind).toBe(kind);
  expect(createBackend('auto')).toBeInstanceOf(AutoBackend);
});

const fakeBackend = (kind: string): StartedBackend =>
  ({ describe: () => ({ kind, label: kind, enforcesFederation: false }), stop: async () => undefined }) as unknown as StartedBackend;

test('Docker answers but LocalStack cannot start: auto falls back to moto, says why, and later workers skip the try', async () => {
  const built: string[] = [];
  const remembered: string[] = [];
  const memory = { recalled: () => remembered[0], remember: (r: string) => void remembered.push(r) };
  const builder = new AutoBackend(
    (kind): BackendBuilder => ({
      kind,
      start: async () => {
        built.push(kind);
        if (kind === 'localstack') throw new HarnessError('LOCALSTACK_IMAGE_UNAVAILABLE', 'LocalStack image x:1 is not available: no registry');
        return fakeBackend(kind);
      },
    }),
    async () => true,
    memory,
  );
  const log: string[] = [];
  const started = await builder.start({ log: (l) => log.push(l) });
  expect(built).toEqual(['localstack', 'moto']);
  expect(builder.kind).toBe('moto');
  expect(started.describe().kind).toBe('moto');
  expect(started.describe().reason).toContain('--target auto fell back to moto: LocalStack could not start (LOCALSTACK_IMAGE_UNAVAILABLE');
  expect(log.at(-1)).toBe(started.describe().reason);
  // a restarted worker goes straight to moto, with the same reason
  built.length = 0;
  const again = await builder.start();
  expect(built).toEqual(['moto']);
  expect(again.describe().reason).toBe(started.describe().reason);
});

test('auto reports LocalStack and why when it starts', async () => {
  const builder = new AutoBackend((kind): BackendBuilder => ({ kind, start: async () => fakeBackend(kind) }), async () => true);
  const started = await builder.start();
  expect(builder.kind).toBe('localstack');
  expect(started.describe()).toMatchObject({ kind: 'localstack', reason: '--target auto: a Docker engine answers and LocalStack started' });
});

test('a DOCKER_HOST that does not answer means no Docker, even when /var/run/docker.sock answers', async () => {
  expect(await pingDockerHost('unix:///nonexistent/docker.sock')).toBe(false);
  expect(await pingDockerHost('tcp://127.0.0.1:1')).toBe(false);
  expect(await pingDockerHost('not a url')).toBe(false);
  expect(await dockerAnswers({ DOCKER_HOST: 'unix:///nonexistent/docker.sock' })).toBe(false);
});

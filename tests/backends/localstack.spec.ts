import { expect, test } from '@playwright/test';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LOCALSTACK_IMAGE_DEFAULT } from '../../localstack/image.js';
import { dockerAnswers } from '../../harness/backends/docker.js';
import { LocalstackBackend, StartedLocalstack } from '../../harness/backends/localstack/localstack-backend.js';
import { resolveLocalstackConfig, runsWithoutToken } from '../../harness/backends/localstack/localstack-config.js';
import { isHarnessError } from '../../harness/errors.js';

test('the pinned image runs without a token', () => {
  expect(LOCALSTACK_IMAGE_DEFAULT).toBe('localstack/localstack:4.14.0');
  expect(resolveLocalstackConfig({})).toEqual({ image: LOCALSTACK_IMAGE_DEFAULT, environment: {} });
});

test('LOCALSTACK_IMAGE newer than 4.14.0 without LOCALSTACK_AUTH_TOKEN is refused, naming the licence change', () => {
  for (const image of ['localstack/localstack:latest', 'localstack/localstack:4.15.0', 'localstack/localstack-pro:4.14.0', 'localstack/localstack']) {
    let error: unknown;
    try {
      resolveLocalstackConfig({ LOCALSTACK_IMAGE: image });
    } catch (e) {
      error = e;
    }
    expect(isHarnessError(error, 'LOCALSTACK_AUTH_REQUIRED'), image).toBe(true);
    expect(String(error)).toContain('2026-03');
  }
});

test('older community images run without a token; with a token any image runs and gets it', () => {
  expect(runsWithoutToken('localstack/localstack:4.13.1')).toBe(true);
  expect(runsWithoutToken('mirror.example/localstack/localstack:3.8')).toBe(true);
  expect(resolveLocalstackConfig({ LOCALSTACK_IMAGE: 'localstack/localstack:latest', LOCALSTACK_AUTH_TOKEN: 'tok' })).toEqual({
    image: 'localstack/localstack:latest',
    environment: { LOCALSTACK_AUTH_TOKEN: 'tok' },
  });
});

test('no Docker engine: DOCKER_UNAVAILABLE; a licence exit: LOCALSTACK_AUTH_REQUIRED', async () => {
  const noDocker = new LocalstackBackend({ env: {}, startContainer: () => Promise.reject(new Error('Could not find a working container runtime strategy')) });
  expect(isHarnessError(await noDocker.start().catch((e: unknown) => e), 'DOCKER_UNAVAILABLE')).toBe(true);
  const licence = new LocalstackBackend({ env: {}, startContainer: () => Promise.reject(new Error('License activation failed')) });
  expect(isHarnessError(await licence.start().catch((e: unknown) => e), 'LOCALSTACK_AUTH_REQUIRED')).toBe(true);
});

test('the account is chosen by a 12-digit access key id; reset posts to the state reset endpoint', async () => {
  const posts: string[] = [];
  const server = createServer((req, res) => {
    posts.push(`${req.method} ${req.url}`);
    res.end('{}');
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const uri = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let stopped = false;
  const started = new StartedLocalstack({ getConnectionUri: () => uri, stop: async () => ((stopped = true), undefined as never) }, LOCALSTACK_IMAGE_DEFAULT, '111122223333', 'us-east-1');
  try {
    expect(started.credentials().accessKeyId).toBe('111122223333');
    started.selectAccount('222233334444');
    expect(started.credentials().accessKeyId).toBe('222233334444');
    expect(started.describe()).toEqual({ kind: 'localstack', label: LOCALSTACK_IMAGE_DEFAULT, enforcesFederation: false });
    await started.reset();
    expect(posts).toEqual(['POST /_localstack/state/reset']);
    await started.stop();
    expect(stopped).toBe(true);
  } finally {
    server.close();
  }
});

test('a real LocalStack container starts and resets', async () => {
  test.skip(!(await dockerAnswers()), 'no Docker engine answers (testcontainers found no container runtime)');
  test.setTimeout(300_000);
  await using started = await new LocalstackBackend().start({ accountId: '111122223333' });
  expect((await fetch(`${started.endpoint()}/_localstack/health`)).ok).toBe(true);
  await started.reset();
});

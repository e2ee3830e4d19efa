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

test('older community images, mirrors and own builds run without a token; with a token any image runs and gets it', () => {
  expect(runsWithoutToken('localstack/localstack:4.13.1')).toBe(true);
  expect(runsWithoutToken('docker.io/localstack/localstack:4.14.0')).toBe(true);
  expect(runsWithoutToken('mirror.example/localstack/localstack:latest')).toBe(true);
  expect(runsWithoutToken('localstack-from-pypi:4.14.0')).toBe(true);
  expect(resolveLocalstackConfig({ LOCALSTACK_IMAGE: 'localstack-from-pypi:4.14.0' }).image).toBe('localstack-from-pypi:4.14.0');
  expect(resolveLocalstackConfig({ LOCALSTACK_IMAGE: 'localstack/localstack:latest', LOCALSTACK_AUTH_TOKEN: 'tok' })).toEqual({
    image: 'localstack/localstack:latest',
    environment: { LOCALSTACK_AUTH_TOKEN: 'tok' },
  });
});

test('no Docker engine: DOCKER_UNAVAILABLE; a licence exit: LOCALSTACK_AUTH_REQUIRED; a missing image names the remedy', async () => {
  const failing = (message: string) => new LocalstackBackend({ env: {}, startContainer: () => Promise.reject(new Error(message)) });
  expect(isHarnessError(await failing('Could not find a working container runtime strategy').start().catch((e: unknown) => e), 'DOCKER_UNAVAILABLE')).toBe(true);
  expect(isHarnessError(await failing('License activation failed').start().catch((e: unknown) => e), 'LOCALSTACK_AUTH_REQUIRED')).toBe(true);
  const missing = await failing('(HTTP code 404) no such image').start().catch((e: unknown) => e);
  expect(isHarnessError(missing, 'LOCALSTACK_IMAGE_UNAVAILABLE')).toBe(true);
  for (const remedy of [LOCALSTACK_IMAGE_DEFAULT, 'LOCALSTACK_IMAGE', '--target moto', 'docker pull']) expect(String(missing)).toContain(remedy);
});

test('the account is chosen by a 12-digit access key id; the description names the image', async () => {
  let stopped = false;
  const started = new StartedLocalstack({ getConnectionUri: () => 'http://127.0.0.1:1', stop: async () => (stopped = true) }, LOCALSTACK_IMAGE_DEFAULT, '111122223333', 'us-east-1');
  expect(started.credentials().accessKeyId).toBe('111122223333');
  started.selectAccount('222233334444', 'eu-west-1');
  expect(started.credentials().accessKeyId).toBe('222233334444');
  expect(started.accountId()).toBe('222233334444');
  expect(started.describe()).toEqual({ kind: 'localstack', label: LOCALSTACK_IMAGE_DEFAULT, enforcesFederation: false });
  await started.stop();
  expect(stopped).toBe(true);
});

/** Red team: emulator internals (`/moto-api`, `/_localstack`) are never reachable through the gate. */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { send } from './raw-http.js';
import { expect, expectRefused, test } from './world.js';

const INTERNAL = ['/moto-api/data.json', '/moto-api/reset', '/moto-api/', '/moto-api/reset-auth', '/moto-api/seed?a=42', '/_localstack/health', '/_localstack/state/reset', '//moto-api/data.json', '/./moto-api/data.json', '/%6Doto-api/data.json', '/moto-api%2Fdata.json'];

test('emulator paths are refused to anyone, signed by the administrator or not, with no secret in the answer', async ({ world }) => {
  for (const path of INTERNAL) {
    for (const method of ['GET', 'POST']) {
      expectRefused(world, await send(world.origin(), { method, path }));
      const signed = await world.signed(world.admin, { service: 'secretsmanager', method, path: path.split('?')[0]!, body: method === 'POST' ? '{}' : undefined });
      expectRefused(world, await send(world.origin(), signed));
      const reader = await world.signed(world.reader, { service: 'sts', method, path: path.split('?')[0]! });
      expectRefused(world, await send(world.origin(), reader));
    }
  }
});

test('a reset attempted through the gate resets nothing: the secrets are still there and the gate still decides on them', async ({ world }) => {
  for (const path of ['/moto-api/reset', '/moto-api/reset-auth']) {
    await send(world.origin(), { method: 'POST', path });
    await send(world.origin(), await world.signed(world.admin, { service: 'secretsmanager', method: 'POST', path, body: '' }));
  }
  const direct = new SecretsManagerClient({ endpoint: world.backend.endpoint(), region: 'us-east-1', credentials: world.admin });
  expect((await direct.send(new GetSecretValueCommand({ SecretId: 'app/other' }))).SecretString).toBe(world.canaries.other);
  direct.destroy();
  const viaGate = new SecretsManagerClient({ endpoint: world.origin(), region: 'us-east-1', credentials: world.reader, maxAttempts: 1 });
  await expect(viaGate.send(new GetSecretValueCommand({ SecretId: 'app/other' }))).rejects.toMatchObject({ name: 'AccessDeniedException' });
  expect((await viaGate.send(new GetSecretValueCommand({ SecretId: 'app/db' }))).SecretString).toBe(world.canaries.db);
  viaGate.destroy();
});

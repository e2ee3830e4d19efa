/**
 * A StartedBackend over a raw `moto_server` this file spawns (until harness/backends lands; then the
 * integration tests switch to createBackend('moto')).
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { StartedBackend } from '../../../harness/backends/types.js';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(endpoint: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${endpoint}/moto-api/`);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`moto_server at ${endpoint} did not answer within 15 s`);
}

export async function startFakeMoto(initialAccountId = '123456789012'): Promise<StartedBackend> {
  let accountId = initialAccountId;
  const port = await freePort();
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  const endpoint = `http://127.0.0.1:${port}`;
  await waitUntilUp(endpoint, Date.now() + 15_000);
  const stop = async () => {
    if (child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  };
  return {
    endpoint: () => endpoint,
    region: () => 'us-east-1',
    credentials: () => ({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'admin-secret-for-tests' }),
    accountId: () => accountId,
    selectAccount: (id) => {
      accountId = id;
    },
    requestHeaders: () => ({ 'x-moto-account-id': accountId }),
    describe: () => ({ kind: 'moto', label: 'moto (test fake)', enforcesFederation: false }),
    reset: async () => {
      await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
    },
    stop,
    [Symbol.asyncDispose]: stop,
  };
}

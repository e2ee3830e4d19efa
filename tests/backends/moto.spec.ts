import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateRoleCommand, IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { isHarnessError } from '../../harness/errors.js';
import { MotoBackend, type StartedMoto } from '../../harness/backends/moto/moto-backend.js';
import { createAdminClients } from '../../harness/provision/clients.js';
import { exitsWithin, isAlive } from './processes.js';

test.describe.configure({ mode: 'serial' });

let moto: StartedMoto;
test.beforeAll(async () => {
  moto = await new MotoBackend().start({ accountId: '111122223333' });
});
test.afterAll(async () => moto?.stop());

const iam = () =>
  createAdminClients({ endpoint: moto.endpoint(), region: moto.region(), credentials: moto.credentials(), requestHeaders: moto.requestHeaders() }).iam;
const trust = JSON.stringify({ Version: '2012-10-17', Statement: [] });

test('a started moto answers on loopback and names its version', async () => {
  expect(moto.endpoint()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect((await fetch(`${moto.endpoint()}/moto-api/`)).status).toBe(200);
  expect(moto.describe()).toEqual({ kind: 'moto', label: 'moto 5.2.1', enforcesFederation: false });
});

test('the account id is honoured through the request header, and selectAccount switches it', async () => {
  const created = await iam().send(new CreateRoleCommand({ RoleName: 'in-first', AssumeRolePolicyDocument: trust }));
  expect(created.Role?.Arn).toBe('arn:aws:iam::111122223333:role/in-first');
  moto.selectAccount('444455556666');
  const other = await iam().send(new CreateRoleCommand({ RoleName: 'in-second', AssumeRolePolicyDocument: trust }));
  expect(other.Role?.Arn).toBe('arn:aws:iam::444455556666:role/in-second');
  moto.selectAccount('111122223333');
});

test('reset empties IAM', async () => {
  await iam().send(new CreateRoleCommand({ RoleName: 'doomed', AssumeRolePolicyDocument: trust }));
  expect((await iam().send(new ListRolesCommand({}))).Roles?.length).toBeGreaterThan(0);
  await moto.reset();
  expect((await iam().send(new ListRolesCommand({}))).Roles).toEqual([]);
});

test('stop leaves no process behind', async () => {
  const started = await new MotoBackend().start();
  const pid = started.pid!;
  expect(isAlive(pid)).toBe(true);
  await started.stop();
  expect(isAlive(pid)).toBe(false);
  await started.stop();
});

test('a start with a bogus executable is BACKEND_START_FAILED and leaves no process', async () => {
  const error = await new MotoBackend({ command: { file: '/nonexistent/moto_server' } }).start().catch((e: unknown) => e);
  expect(isHarnessError(error, 'BACKEND_START_FAILED')).toBe(true);
  expect(String(error)).toContain('ENOENT');
});

test('a server that never answers is BACKEND_NOT_READY with what was awaited and its stderr, and is killed', async () => {
  const pidFile = path.join(mkdtempSync(path.join(tmpdir(), 'moto-test-')), 'pid');
  const script = `require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); console.error('still booting'); setInterval(() => {}, 1000)`;
  const builder = new MotoBackend({ command: { file: process.execPath, args: ['-e', script, '--'] }, startTimeoutMs: 1500 });
  const started = Date.now();
  const error = await builder.start().catch((e: unknown) => e);
  expect(isHarnessError(error, 'BACKEND_NOT_READY')).toBe(true);
  expect(String(error)).toMatch(/waited 1500 ms for moto to answer GET http:\/\/127\.0\.0\.1:\d+\/moto-api\//);
  expect(String(error)).toContain('still booting');
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(isAlive(Number(readFileSync(pidFile, 'utf8')))).toBe(false);
});

test('a server that exits at once is BACKEND_START_FAILED with its stderr, without waiting for the deadline', async () => {
  const script = "console.error('Address already in use'); process.exit(3)";
  const builder = new MotoBackend({ command: { file: process.execPath, args: ['-e', script, '--'] }, startTimeoutMs: 60_000 });
  const error = await builder.start().catch((e: unknown) => e);
  expect(isHarnessError(error, 'BACKEND_START_FAILED')).toBe(true);
  expect(String(error)).toContain('exited with code 3');
  expect(String(error)).toContain('Address already in use');
});

for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
  test(`moto dies with our process (${signal})`, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/backends/fixtures/start-moto-and-wait.ts'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const motoPid = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /MOTO_PID=(\d+)/.exec(out);
        if (match) resolve(Number(match[1]));
      });
      child.once('exit', (code) => reject(new Error(`child exited with ${code}: ${out}`)));
    });
    expect(isAlive(motoPid)).toBe(true);
    child.kill(signal);
    expect(await exitsWithin(motoPid, 10_000)).toBe(true);
  });
}

test('the SDK reaches moto with the credentials it hands out', async () => {
  const client = new IAMClient({ endpoint: moto.endpoint(), region: moto.region(), credentials: moto.credentials() });
  await expect(client.send(new ListRolesCommand({}))).resolves.toBeDefined();
});

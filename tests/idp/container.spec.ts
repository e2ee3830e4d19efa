import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Network, getContainerRuntimeClient } from 'testcontainers';
import { buildIdpContainerSpec, bundleServeMain, containerFromSpec, IDP_CONTAINER_PORT, startIdpContainer } from '../../harness/idp/container.js';
import { parseIssuersEnv } from '../../harness/idp/serve-env.js';
import { GITPOD_ISSUER } from './helpers.js';

const ISSUERS = [{ issuer: GITPOD_ISSUER, profile: 'gitpod' as const, options: { subFormat: 'key-value' } }];

test('the container spec: pinned node image, bundled entry, issuers in env, alias, exposed port', () => {
  const spec = buildIdpContainerSpec(ISSUERS, { alias: 'gitpod-idp' });
  expect(spec.image).toMatch(/^node:20[.\d]*-alpine$/);
  expect(spec.command).toEqual(['node', spec.entryTarget]);
  expect(spec.alias).toBe('gitpod-idp');
  expect(spec.exposedPort).toBe(IDP_CONTAINER_PORT);
  expect(spec.env).toEqual({ IDP_ISSUERS: JSON.stringify(ISSUERS), IDP_PORT: String(IDP_CONTAINER_PORT), IDP_HOST: '0.0.0.0' });
  expect(parseIssuersEnv(spec.env.IDP_ISSUERS)).toEqual(ISSUERS);
  expect(spec.healthPath).toBe('/_mock/health');
});

test('a malformed IDP_ISSUERS is a USAGE error', () => {
  expect(() => parseIssuersEnv('{"issuer":1}')).toThrow(expect.objectContaining({ code: 'USAGE' }));
});

test('the GenericContainer built from the spec carries network, alias, env, copy and port', async () => {
  const spec = buildIdpContainerSpec(ISSUERS);
  const fakeNetwork = { getName: () => 'net-1' } as never;
  const container = containerFromSpec(spec, fakeNetwork, '// bundle') as unknown as {
    createOpts: { Env?: string[]; Cmd?: string[]; Image: string };
    networkMode: string;
    networkAliases: string[];
    exposedPorts: unknown[];
    contentsToCopy: { target: string }[];
  };
  expect(container.createOpts.Image).toBe(spec.image);
  expect(container.createOpts.Cmd).toEqual(spec.command);
  expect(container.createOpts.Env).toContain(`IDP_HOST=0.0.0.0`);
  expect(container.networkMode).toBe('net-1');
  expect(container.networkAliases).toEqual([spec.alias]);
  expect(container.exposedPorts).toEqual([spec.exposedPort]);
  expect(container.contentsToCopy.map((c) => c.target)).toEqual([spec.entryTarget]);
});

test('the bundled entry runs under plain node and serves the issuers from its env', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'mock-idp-'));
  const entry = join(dir, 'serve-main.mjs');
  await writeFile(entry, await bundleServeMain());
  const child = spawn(process.execPath, [entry], {
    cwd: dir,
    env: { PATH: process.env.PATH, IDP_ISSUERS: JSON.stringify(ISSUERS), IDP_PORT: '0', IDP_HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const [line] = (await once(child.stdout!, 'data')) as [Buffer];
    const origin = /http:\/\/127\.0\.0\.1:\d+/.exec(line.toString())?.[0];
    expect(origin).toBeDefined();
    const health = await (await fetch(`${origin}/_mock/health`)).json();
    expect(health.issuers).toEqual([GITPOD_ISSUER]);
    const doc = await (await fetch(`${origin}/i/api.gitpod.io/idp/.well-known/openid-configuration`)).json();
    expect(doc.jwks_uri).toBe(`${GITPOD_ISSUER}/keys`);
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
    await rm(dir, { recursive: true, force: true });
  }
});

test('the IdP starts as a container on a network when a Docker engine answers', async () => {
  const runtime = await getContainerRuntimeClient().then(() => undefined, (e: unknown) => String((e as Error).message ?? e));
  test.skip(runtime !== undefined, `no container runtime: ${runtime}`);
  await using network = await new Network().start();
  const started = await startIdpContainer(network, ISSUERS, { alias: 'gitpod-idp' });
  try {
    expect(started.networkOrigin).toBe(`http://gitpod-idp:${IDP_CONTAINER_PORT}`);
    const minted = await started.idp.mint({ profile: 'gitpod', issuer: GITPOD_ISSUER, claims: { org_id: 'o' } });
    expect(minted.claims.sub).toBe('org_id:o:context:https://github.com/acme/app');
  } finally {
    await started.idp.close();
  }
});

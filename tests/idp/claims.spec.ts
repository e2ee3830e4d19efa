import { test, expect } from '@playwright/test';
import { isHarnessError } from '../../harness/errors.js';
import { GITPOD_ISSUER, START_SECONDS, startIdp, verifyAgainstServedJwks } from './helpers.js';

test('gitpod token: Gitpod header and claims, verifiable against the served JWKS', async () => {
  await using f = await startIdp('gitpod');
  const minted = await f.idp.mint({ profile: 'gitpod', issuer: GITPOD_ISSUER, audience: ['sts.amazonaws.com', 'other'] });
  expect(minted.header).toEqual({ alg: 'RS256', kid: expect.stringMatching(/^id-[0-9a-f]{64}$/) });
  const c = minted.claims;
  expect(c).toMatchObject({ iss: GITPOD_ISSUER, aud: ['sts.amazonaws.com', 'other'], azp: 'sts.amazonaws.com' });
  expect(c.iat).toBe(START_SECONDS);
  expect(c.auth_time).toBe(c.iat);
  expect(Number(c.exp) - Number(c.iat)).toBe(3600);
  expect(c.sub).toBe('https://github.com/acme/app');
  expect(c.workspace_id).toBe('acme-app-abc123xyz');
  expect(String(c.repository)).toMatch(/\.git$/);
  for (const claim of ['c_hash', 'name', 'user_id', 'org_id', 'context', 'email']) expect(c).toHaveProperty(claim);
  for (const absent of ['nbf', 'jti', 'amr', 'email_verified', 'scope']) expect(c).not.toHaveProperty(absent);
  const { payload } = await verifyAgainstServedJwks(f.idp, GITPOD_ISSUER, minted.token, f.clock.now());
  expect(payload.sub).toBe(c.sub);
});

test('gitpod aud is an array even for one audience given as a string', async () => {
  await using f = await startIdp('gitpod');
  const { claims } = await f.idp.mint({ profile: 'gitpod', issuer: GITPOD_ISSUER, audience: 'sts.amazonaws.com' });
  expect(claims.aud).toEqual(['sts.amazonaws.com']);
});

test('gitpod refuses an empty audience list with IDP_EMPTY_AUDIENCE', async () => {
  await using f = await startIdp('gitpod');
  const error = await f.idp.mint({ profile: 'gitpod', issuer: GITPOD_ISSUER, audience: [] }).catch((e: unknown) => e);
  expect(isHarnessError(error, 'IDP_EMPTY_AUDIENCE')).toBe(true);
  expect((error as Error).message).toBe('Must have at least one audience entry');
});

test('gitpod sub follows the context, is no-context without one, and a case may set it outright', async () => {
  await using f = await startIdp('gitpod');
  const mint = (claims: Record<string, unknown>) => f.idp.mint({ profile: 'gitpod', issuer: GITPOD_ISSUER, claims });
  expect((await mint({ context: 'https://github.com/acme/website/pull/1/' })).claims.sub).toBe('https://github.com/acme/website/pull/1');
  const noContext = await mint({ context: null });
  expect(noContext.claims.sub).toBe('no-context');
  expect(noContext.claims).not.toHaveProperty('context');
  expect((await mint({ sub: 'https://github.com/evil/app' })).claims.sub).toBe('https://github.com/evil/app');
});

test('gitpod key-value sub: org_id:<v>:context:<v>, empty value for a missing claim', async () => {
  await using f = await startIdp('gitpod', GITPOD_ISSUER, { subFormat: 'key-value', subKeys: ['org_id', 'context'] });
  const full = await f.idp.mint({ profile: 'gitpod', issuer: GITPOD_ISSUER, claims: { org_id: 'o1' } });
  expect(full.claims.sub).toBe('org_id:o1:context:https://github.com/acme/app');
  const missing = await f.idp.mint({ profile: 'gitpod', issuer: GITPOD_ISSUER, claims: { org_id: 'o1', context: null } });
  expect(missing.claims.sub).toBe('org_id:o1:context:');
});

test('claims from the case replace aud, and azp follows the new first audience', async () => {
  await using f = await startIdp('gitpod');
  const { claims } = await f.idp.mint({ profile: 'gitpod', issuer: GITPOD_ISSUER, claims: { aud: ['x', 'y'], email_verified: true } });
  expect(claims.aud).toEqual(['x', 'y']);
  expect(claims.azp).toBe('x');
  expect(claims.email_verified).toBe(true);
});

test('expiresIn sets exp from the injected clock; a negative one gives an already expired token', async () => {
  await using f = await startIdp('gitpod');
  f.clock.advance(120);
  const short = await f.idp.mint({ profile: 'gitpod', issuer: GITPOD_ISSUER, expiresIn: 900 });
  expect(short.claims.exp).toBe(START_SECONDS + 120 + 900);
  const expired = await f.idp.mint({ profile: 'gitpod', issuer: GITPOD_ISSUER, expiresIn: -600 });
  expect(expired.claims.exp).toBe(START_SECONDS + 120 - 600);
  expect(Number(expired.claims.exp) - Number(expired.claims.iat)).toBe(3600);
});

test('an issuer override the mock does not serve signs with a key no JWKS publishes', async () => {
  await using f = await startIdp('gitpod');
  const minted = await f.idp.mint({ profile: 'gitpod', issuer: 'https://evil.example/idp' });
  expect(minted.claims.iss).toBe('https://evil.example/idp');
  await expect(verifyAgainstServedJwks(f.idp, GITPOD_ISSUER, minted.token, f.clock.now())).rejects.toThrow();
  const lying = await f.idp.mint({ profile: 'gitpod', issuer: 'https://evil.example/idp', signingIssuer: GITPOD_ISSUER });
  expect(lying.header.kid).toMatch(/^id-/);
});

test('gitpod-flex: kid k0, aud a string, sub org:/prj:/env:, v3 option', async () => {
  await using f = await startIdp('gitpod-flex', 'https://app.gitpod.io');
  const minted = await f.idp.mint({ profile: 'gitpod-flex', issuer: 'https://app.gitpod.io' });
  expect(minted.header.kid).toBe('k0');
  expect(minted.claims.aud).toBe('sts.amazonaws.com');
  expect(minted.claims.sub).toMatch(/^org:[^/]+\/prj:[^/]+\/env:[^/]+$/);
  const v3 = await f.idp.mint({ profile: 'gitpod-flex', issuer: 'https://app.gitpod.io', options: { subVersion: 'v3' }, claims: { organization_id: 'o', project_id: 'p', environment_id: 'e' } });
  expect(v3.claims.sub).toBe('organization_id:o:project_id:p:environment_id:e');
  await verifyAgainstServedJwks(f.idp, 'https://app.gitpod.io', minted.token, f.clock.now());
});

const GH = 'https://token.actions.githubusercontent.com';

test('github-actions: typ JWT and x5t in the header, GitHub claims, verifiable', async () => {
  await using f = await startIdp('github-actions', GH);
  const minted = await f.idp.mint({ profile: 'github-actions', issuer: GH });
  expect(minted.header).toMatchObject({ typ: 'JWT', alg: 'RS256', kid: expect.any(String), x5t: expect.any(String) });
  for (const claim of ['jti', 'nbf', 'repository', 'repository_owner', 'repository_id', 'repository_owner_id', 'ref', 'ref_type',
    'job_workflow_ref', 'workflow', 'actor', 'actor_id', 'run_id', 'enterprise_id']) {
    expect(minted.claims).toHaveProperty(claim);
  }
  expect(minted.claims.sub).toBe('repo:acme/app:ref:refs/heads/main');
  await verifyAgainstServedJwks(f.idp, GH, minted.token, f.clock.now());
});

test('github-actions sub formats: environment, pull_request, tag, immutable, custom keys', async () => {
  await using f = await startIdp('github-actions', GH);
  const sub = async (claims: Record<string, unknown>, options?: Record<string, unknown>) =>
    (await f.idp.mint({ profile: 'github-actions', issuer: GH, claims, options })).claims.sub;
  expect(await sub({ environment: 'prod' })).toBe('repo:acme/app:environment:prod');
  expect(await sub({ event_name: 'pull_request' })).toBe('repo:acme/app:pull_request');
  expect(await sub({ ref: 'refs/tags/v1.2.0', ref_type: 'tag' })).toBe('repo:acme/app:ref:refs/tags/v1.2.0');
  expect(await sub({}, { subFormat: 'immutable' })).toBe('repo:acme@1234567/app@7654321:ref:refs/heads/main');
  expect(await sub({ environment: 'prod' }, { subKeys: ['repo', 'context', 'job_workflow_ref'] })).toBe(
    'repo:acme/app:environment:prod:job_workflow_ref:acme/app/.github/workflows/deploy.yml@refs/heads/main',
  );
});

test('gitlab: default sub, 5-minute lifetime, custom sub components', async () => {
  await using f = await startIdp('gitlab', 'https://gitlab.com');
  const minted = await f.idp.mint({ profile: 'gitlab', issuer: 'https://gitlab.com' });
  expect(minted.claims.sub).toBe('project_path:acme/app:ref_type:branch:ref:main');
  expect(Number(minted.claims.exp) - Number(minted.claims.iat)).toBe(300);
  for (const claim of ['namespace_id', 'namespace_path', 'project_id', 'user_login', 'user_email', 'pipeline_source', 'job_id',
    'ref_path', 'ref_protected', 'deployment_tier', 'runner_id', 'runner_environment', 'sha', 'jti', 'nbf']) {
    expect(minted.claims).toHaveProperty(claim);
  }
  const custom = await f.idp.mint({ profile: 'gitlab', issuer: 'https://gitlab.com', claims: { ref: 'v1', ref_type: 'tag' },
    options: { subClaimComponents: ['project_path', 'ref_type', 'ref', 'environment'] } });
  expect(custom.claims.sub).toBe('project_path:acme/app:ref_type:tag:ref:v1:environment:production');
  await verifyAgainstServedJwks(f.idp, 'https://gitlab.com', minted.token, f.clock.now());
});

test('generic: every claim, header field and the lifetime are settable', async () => {
  await using f = await startIdp('generic', 'https://idp.example.com', { lifetime: 60, header: { typ: 'id_token+jwt' } });
  const minted = await f.idp.mint({ profile: 'generic', issuer: 'https://idp.example.com', claims: { sub: 's', custom: [1, 2], exp: null } });
  expect(minted.header.typ).toBe('id_token+jwt');
  expect(minted.claims).toMatchObject({ sub: 's', custom: [1, 2] });
  expect(minted.claims).not.toHaveProperty('exp');
  const timed = await f.idp.mint({ profile: 'generic', issuer: 'https://idp.example.com' });
  expect(Number(timed.claims.exp) - Number(timed.claims.iat)).toBe(60);
});

/**
 * Profiles derive claims from one another as the real IdPs do (docs/profiles.md): a case that changes a
 * fact (repository, event, ref, project path, context) gets every claim computed from it, unless it sets
 * that claim itself.
 */
import { test, expect } from '@playwright/test';
import { GITPOD_ISSUER, startIdp } from './helpers.js';
import type { ProfileName } from '../../harness/scenario/model.js';

const GH = 'https://token.actions.githubusercontent.com';
const GL = 'https://gitlab.com';

async function minted(profile: ProfileName, issuer: string, claims: Record<string, unknown> = {}, options?: Record<string, unknown>) {
  await using f = await startIdp(profile, issuer);
  return (await f.idp.mint({ profile, issuer, claims, options })).claims;
}

test('github-actions defaults: a push to main of acme/app, every claim consistent with the others', async () => {
  const c = await minted('github-actions', GH);
  expect(c).toMatchObject({
    repository: 'acme/app',
    repository_owner: 'acme',
    repository_owner_id: '1234567',
    repository_id: '7654321',
    event_name: 'push',
    ref: 'refs/heads/main',
    ref_type: 'branch',
    ref_protected: 'true',
    head_ref: '',
    base_ref: '',
    workflow_ref: 'acme/app/.github/workflows/deploy.yml@refs/heads/main',
    job_workflow_ref: 'acme/app/.github/workflows/deploy.yml@refs/heads/main',
    sub: 'repo:acme/app:ref:refs/heads/main',
  });
  expect(c).not.toHaveProperty('environment');
});

test('github-actions: another repository moves the owner, ids, workflow refs and sub with it', async () => {
  const c = await minted('github-actions', GH, { repository: 'globex/api' });
  expect(c.repository_owner).toBe('globex');
  expect(c.repository_owner_id).not.toBe('1234567');
  expect(c.repository_id).not.toBe('7654321');
  expect(c.workflow_ref).toBe('globex/api/.github/workflows/deploy.yml@refs/heads/main');
  expect(c.job_workflow_ref).toBe(c.workflow_ref);
  expect(c.sub).toBe('repo:globex/api:ref:refs/heads/main');
  // same name, same id: a policy pinning an id sees a stable value
  expect((await minted('github-actions', GH, { repository: 'globex/api' })).repository_id).toBe(c.repository_id);
});

test('github-actions pull_request: merge ref, empty ref_type, head/base refs, pull_request subject, one repository', async () => {
  const c = await minted('github-actions', GH, { repository: 'acme/api', event_name: 'pull_request' });
  expect(c).toMatchObject({
    ref: 'refs/pull/1/merge',
    ref_type: '',
    ref_protected: 'false',
    head_ref: 'feature',
    base_ref: 'main',
    workflow_ref: 'acme/api/.github/workflows/deploy.yml@refs/pull/1/merge',
    sub: 'repo:acme/api:pull_request',
  });
  const pr = await minted('github-actions', GH, { event_name: 'pull_request', ref: 'refs/pull/7/merge' });
  expect(pr.workflow_ref).toBe('acme/app/.github/workflows/deploy.yml@refs/pull/7/merge');
});

test('github-actions pull_request_target runs on the base branch but its subject is still pull_request', async () => {
  const c = await minted('github-actions', GH, { event_name: 'pull_request_target' });
  expect(c).toMatchObject({ ref: 'refs/heads/main', ref_type: 'branch', head_ref: 'feature', base_ref: 'main', sub: 'repo:acme/app:pull_request' });
});

test('github-actions: tags, environments, reusable workflows and explicit overrides', async () => {
  const tag = await minted('github-actions', GH, { ref: 'refs/tags/v1.0.0' });
  expect(tag).toMatchObject({ ref_type: 'tag', ref_protected: 'false', sub: 'repo:acme/app:ref:refs/tags/v1.0.0' });
  expect((await minted('github-actions', GH, { environment: 'production' })).sub).toBe('repo:acme/app:environment:production');
  const reusable = await minted('github-actions', GH, { job_workflow_ref: 'acme/shared/.github/workflows/deploy.yml@refs/heads/main' });
  expect(reusable.workflow_ref).toBe('acme/app/.github/workflows/deploy.yml@refs/heads/main');
  expect(reusable.job_workflow_ref).toBe('acme/shared/.github/workflows/deploy.yml@refs/heads/main');
  // an explicit sub is kept as written (a lying token), the other claims still follow repository
  const lying = await minted('github-actions', GH, { repository: 'evil/app', sub: 'repo:acme/app:ref:refs/heads/main' });
  expect(lying).toMatchObject({ sub: 'repo:acme/app:ref:refs/heads/main', repository_owner: 'evil' });
  const immutable = await minted('github-actions', GH, { repository: 'acme/api', repository_id: '42' }, { subFormat: 'immutable' });
  expect(immutable.sub).toBe('repo:acme@1234567/api@42:ref:refs/heads/main');
});

test('gitlab defaults and a tag in a subgroup project: namespace, ids, ref_path, protection and sub follow', async () => {
  const main = await minted('gitlab', GL);
  expect(main).toMatchObject({
    project_path: 'acme/app', namespace_path: 'acme', namespace_id: '72', project_id: '20',
    ref: 'main', ref_type: 'branch', ref_path: 'refs/heads/main', ref_protected: 'true',
    ci_config_ref_uri: 'gitlab.com/acme/app//.gitlab-ci.yml@refs/heads/main',
    sub: 'project_path:acme/app:ref_type:branch:ref:main',
  });
  const tag = await minted('gitlab', GL, { project_path: 'acme/platform/api', ref: 'v2.0.0', ref_type: 'tag' });
  expect(tag).toMatchObject({
    namespace_path: 'acme/platform', ref_path: 'refs/tags/v2.0.0', ref_protected: 'false',
    ci_config_ref_uri: 'gitlab.com/acme/platform/api//.gitlab-ci.yml@refs/tags/v2.0.0',
    sub: 'project_path:acme/platform/api:ref_type:tag:ref:v2.0.0',
  });
  expect(tag.project_id).not.toBe('20');
  expect((await minted('gitlab', GL, { ref_protected: 'true', ref: 'release' })).ref_protected).toBe('true');
});

test('gitpod: repository follows the context (clone URL), and is absent without one', async () => {
  expect((await minted('gitpod', GITPOD_ISSUER, { context: 'https://github.com/globex/site/pull/3' })).repository).toBe('https://github.com/globex/site.git');
  expect((await minted('gitpod', GITPOD_ISSUER, { context: 'https://gitlab.com/acme/sub/app/-/merge_requests/2' })).repository).toBe('https://gitlab.com/acme/sub/app.git');
  expect(await minted('gitpod', GITPOD_ISSUER, { context: null })).not.toHaveProperty('repository');
  expect((await minted('gitpod', GITPOD_ISSUER)).repository).toBe('https://github.com/acme/app.git');
});

test('generic derives nothing: sub and aud are what the case says', async () => {
  const c = await minted('generic', 'https://idp.example.com', { sub: 'user-1' });
  expect(c.sub).toBe('user-1');
  expect(Object.keys(c).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'sub']);
});

import { test, expect } from '@playwright/test';
import { exposedClaimKeys, oidcContextKeys } from '../../harness/policy/index.js';

const gitpodClaims = {
  iss: 'https://api.gitpod.io/idp',
  aud: ['sts.amazonaws.com', 'other'],
  azp: 'sts.amazonaws.com',
  sub: 'https://github.com/acme/app',
  org_id: 'org-1',
  email: 'a@example.com',
};

test('Gitpod: only aud/sub/azp/oaud become keys; aud takes azp', () => {
  expect(oidcContextKeys('https://api.gitpod.io/idp', gitpodClaims)).toEqual({
    'api.gitpod.io/idp:aud': 'sts.amazonaws.com',
    'api.gitpod.io/idp:oaud': ['sts.amazonaws.com', 'other'],
    'api.gitpod.io/idp:sub': 'https://github.com/acme/app',
    'api.gitpod.io/idp:azp': 'sts.amazonaws.com',
  });
});

test('without the azp assumption, a multi-audience aud is multi-valued', () => {
  const keys = oidcContextKeys('https://api.gitpod.io/idp', gitpodClaims, { audKeyUsesAzp: false });
  expect(keys['api.gitpod.io/idp:aud']).toEqual(['sts.amazonaws.com', 'other']);
});

test('matchedAudience replaces a multi-valued aud, never azp or a single aud', () => {
  const noAzp = { ...gitpodClaims, azp: undefined };
  expect(oidcContextKeys('https://api.gitpod.io/idp', noAzp, { matchedAudience: 'other' })['api.gitpod.io/idp:aud']).toBe('other');
  expect(oidcContextKeys('https://api.gitpod.io/idp', gitpodClaims, { matchedAudience: 'other' })['api.gitpod.io/idp:aud']).toBe('sts.amazonaws.com');
  expect(oidcContextKeys('https://i.example', { aud: 'a' }, { matchedAudience: 'b' })['i.example:aud']).toBe('a');
});

test('a one-element aud array is a single value; amr is always multi-valued', () => {
  const keys = oidcContextKeys('https://issuer.example/x', { aud: ['a'], amr: 'pwd', sub: 's' });
  expect(keys).toEqual({ 'issuer.example/x:aud': 'a', 'issuer.example/x:oaud': 'a', 'issuer.example/x:sub': 's', 'issuer.example/x:amr': ['pwd'] });
});

test('GitHub gets its provider-specific keys; numbers become text', () => {
  const keys = oidcContextKeys('https://token.actions.githubusercontent.com', { aud: 'sts.amazonaws.com', sub: 'repo:acme/app:ref:refs/heads/main', repository: 'acme/app', repository_id: 42, run_id: '7' });
  expect(keys['token.actions.githubusercontent.com:repository']).toBe('acme/app');
  expect(keys['token.actions.githubusercontent.com:repository_id']).toBe('42');
  expect(keys['token.actions.githubusercontent.com:run_id']).toBeUndefined();
});

test('Google organization number is read from the nested claim', () => {
  const keys = oidcContextKeys('https://accounts.google.com', { aud: 'x', sub: '1', google: { organization_number: 99 } });
  expect(keys['accounts.google.com:google/organization_number']).toBe('99');
});

test('exposedClaimKeys lists generic and provider-specific keys', () => {
  expect(exposedClaimKeys('https://api.gitpod.io/idp')).toEqual({
    generic: ['api.gitpod.io/idp:aud', 'api.gitpod.io/idp:sub', 'api.gitpod.io/idp:amr', 'api.gitpod.io/idp:azp', 'api.gitpod.io/idp:oaud'],
    specific: [],
  });
  expect(exposedClaimKeys('https://gitlab.com').specific).toContain('gitlab.com:project_id');
  expect(exposedClaimKeys('https://agent.buildkite.com').specific).toContain('agent.buildkite.com:pipeline_slug');
});

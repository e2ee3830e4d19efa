import { expect, test, PROVIDER_ARN, ROLE_ARN, START } from './gate-fixture.js';

test('a valid token assumes the role and gets the fields moto omits', async ({ world }) => {
  const gate = await world.gate();
  const out = await world.assume(await world.mint(), { DurationSeconds: 900 });
  expect(out.SubjectFromWebIdentityToken).toBe('https://github.com/acme/app');
  expect(out.Provider).toBe('https://api.gitpod.io/idp');
  expect(out.Audience).toBe('sts.amazonaws.com');
  expect(out.AssumedRoleUser?.Arn).toBe('arn:aws:sts::123456789012:assumed-role/reader/ws-1');
  expect(out.AssumedRoleUser?.AssumedRoleId).toMatch(/^(?!ARO123EXAMPLE123)[A-Z0-9]+:ws-1$/);
  expect(out.Credentials?.Expiration?.getTime()).toBe(START + 900_000);
  const requestId = out.$metadata.requestId ?? '';
  expect(gate.decision(requestId)).toMatchObject({ outcome: 'allowed', operation: 'AssumeRoleWithWebIdentity', httpStatus: 200 });
  const session = gate.session(out.Credentials?.AccessKeyId ?? '');
  expect(session).toMatchObject({ roleArn: ROLE_ARN, providerArn: PROVIDER_ARN, sessionArn: out.AssumedRoleUser?.Arn });
  expect(session?.claims).toEqual({ aud: 'sts.amazonaws.com', sub: 'https://github.com/acme/app' });
});

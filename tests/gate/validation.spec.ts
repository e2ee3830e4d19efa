import { ACCOUNT, expect, expectAwsError, failure, test, trustPolicy } from './gate-fixture.js';

const SESSION_PATTERN = '[\\w+=,.@-]*';
const oneError = (text: string) => `1 validation error detected: ${text}`;

test.describe('request parameters (reference §2.1)', () => {
  test('a session name outside the pattern is a ValidationError with AWS message', async ({ world }) => {
    await world.gate();
    const e = await failure(world.assume(await world.mint(), { RoleSessionName: 'a:b' }));
    expectAwsError(e, 'ValidationError', 400, oneError(
      `Value 'a:b' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: ${SESSION_PATTERN}`,
    ));
  });

  test('session names of 2 and 64 characters with every allowed symbol pass', async ({ world }) => {
    await world.gate();
    await expect(world.assume(await world.mint(), { RoleSessionName: 'ab' })).resolves.toBeTruthy();
    await expect(world.assume(await world.mint(), { RoleSessionName: 'A_1+=,.@-'.padEnd(64, 'x') })).resolves.toBeTruthy();
  });

  test('a 65-character session name is too long', async ({ world }) => {
    await world.gate();
    const name = 'x'.repeat(65);
    const e = await failure(world.assume(await world.mint(), { RoleSessionName: name }));
    expectAwsError(e, 'ValidationError', 400, oneError(
      `Value '${name}' at 'roleSessionName' failed to satisfy constraint: Member must have length less than or equal to 64`,
    ));
  });

  test('DurationSeconds below 900 and a short session name are counted together', async ({ world }) => {
    await world.gate();
    const e = await failure(world.assume(await world.mint(), { RoleSessionName: 'a', DurationSeconds: 600 }));
    expectAwsError(e, 'ValidationError', 400,
      "2 validation errors detected: Value 'a' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2; " +
        "Value '600' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    );
  });

  test('DurationSeconds above the role MaxSessionDuration is refused; within it, allowed', async ({ world }) => {
    await world.createRole('long', trustPolicy(), 7200);
    await world.gate();
    const e = await failure(world.assume(await world.mint(), { DurationSeconds: 3601 }));
    expectAwsError(e, 'ValidationError', 400, 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
    await expect(world.assume(await world.mint(), { DurationSeconds: 3600 })).resolves.toBeTruthy();
    const long = await world.assume(await world.mint(), { RoleArn: `arn:aws:iam::${ACCOUNT}:role/long`, DurationSeconds: 7200 });
    expect(long.Credentials?.AccessKeyId).toBeTruthy();
  });

  test('DurationSeconds above 43200 breaks the API constraint', async ({ world }) => {
    await world.gate();
    const e = await failure(world.assume(await world.mint(), { DurationSeconds: 43201 }));
    expectAwsError(e, 'ValidationError', 400, oneError(
      "Value '43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200",
    ));
  });

  test('an empty RoleArn is shorter than 20 characters', async ({ world }) => {
    await world.gate();
    const e = await failure(world.assume(await world.mint(), { RoleArn: '' }));
    expectAwsError(e, 'ValidationError', 400, oneError(
      "Value '' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20",
    ));
  });

  test('a token shorter than 4 characters is refused without echoing it', async ({ world }) => {
    await world.gate();
    const e = await failure(world.assume('abc'));
    expectAwsError(e, 'ValidationError', 400);
    expect(e.message).toContain("'webIdentityToken' failed to satisfy constraint: Member must have length greater than or equal to 4");
    expect(e.message).not.toContain('abc');
  });

  test('an oversize token (over 20000 characters) is a ValidationError', async ({ world }) => {
    await world.gate();
    const e = await failure(world.assume(await world.mint({ tamper: 'oversize' })));
    expectAwsError(e, 'ValidationError', 400);
    expect(e.message).toContain("'webIdentityToken' failed to satisfy constraint: Member must have length less than or equal to 20000");
  });

  test('ProviderId is refused for an OIDC token', async ({ world }) => {
    await world.gate();
    const e = await failure(world.assume(await world.mint(), { ProviderId: 'www.amazon.com' }));
    expectAwsError(e, 'ValidationError', 400);
  });

  test('a session policy that is not JSON or not valid is MalformedPolicyDocument; a valid one passes', async ({ world }) => {
    await world.gate();
    expectAwsError(await failure(world.assume(await world.mint(), { Policy: '{not json' })), 'MalformedPolicyDocument', 400);
    const badEffect = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Maybe', Action: '*', Resource: '*' }] });
    expectAwsError(await failure(world.assume(await world.mint(), { Policy: badEffect })), 'MalformedPolicyDocument', 400);
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*' }] });
    const out = await world.assume(await world.mint(), { Policy: policy });
    expect(out.PackedPolicySize).toBeGreaterThan(0);
    expect(world.gateHandle().session(out.Credentials?.AccessKeyId ?? '')?.sessionPolicy).toEqual(JSON.parse(policy));
  });

  test('policy ARNs beyond the packed allotment are PackedPolicyTooLarge', async ({ world }) => {
    await world.gate();
    const arn = (i: number) => `arn:aws:iam::123456789012:policy/${'p'.repeat(220)}${i}`;
    const e = await failure(world.assume(await world.mint(), { PolicyArns: Array.from({ length: 10 }, (_, i) => ({ arn: arn(i) })) }));
    expectAwsError(e, 'PackedPolicyTooLarge', 400);
    expect(e.message).toMatch(/^Packed policy consumes \d+% of allotted space, please use smaller policy\.$/);
    // within the allotment, the next check holds: the policy does not exist (assumption missingSessionPolicyArnIsRefused)
    const missing = await failure(world.assume(await world.mint(), { PolicyArns: [{ arn: arn(0) }] }));
    expectAwsError(missing, 'ValidationError', 400, `Policy ${arn(0)} does not exist or is not attachable.`);
    expect(world.gateHandle().decision(missing.$metadata.requestId ?? '')?.assumptionsUsed).toContain('missingSessionPolicyArnIsRefused');
  });
});

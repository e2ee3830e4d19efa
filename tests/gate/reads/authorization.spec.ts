import { test, expect } from '@playwright/test';
import { DescribeSecretCommand, GetSecretValueCommand, ListSecretsCommand } from '@aws-sdk/client-secrets-manager';
import type { IssuedSession, RoleView, SecretView } from '../../../harness/gate/types.js';
import { ROLE_ARN, SECRET_ARN, SESSION_ARN, allow, role, secret, statement, world } from './fixtures.js';
import { rejection, secretsManager } from './sdk-capture.js';

const GET = 'secretsmanager:GetSecretValue';
const denied = (resource: string, ending: string) =>
  `User: ${SESSION_ARN} is not authorized to perform: ${GET} on resource: ${resource} ${ending}`;

function client(options: { role?: RoleView; secrets?: SecretView[]; session?: Partial<IssuedSession> }) {
  const w = world(options);
  return secretsManager(w.ctx, { credentials: w.session, backendBody: '{"Name":"app/db"}' });
}

async function expectAllowed(options: Parameters<typeof client>[0], secretId = 'app/db') {
  const { client: sm, exchange } = client(options);
  await sm.send(new GetSecretValueCommand({ SecretId: secretId }));
  expect(exchange.verdict?.kind).toBe('forward');
  const decision = exchange.verdict?.kind === 'forward' ? exchange.verdict.decision : undefined;
  expect(decision?.outcome).toBe('allowed');
  expect(decision?.authorization?.decision).toBe('Allow');
  return decision;
}

async function expectDenied(options: Parameters<typeof client>[0], message: string, secretId = 'app/db') {
  const { client: sm, exchange } = client(options);
  const error = await rejection(sm.send(new GetSecretValueCommand({ SecretId: secretId })));
  expect([error.name, error.$metadata.httpStatusCode, error.message]).toEqual(['AccessDeniedException', 400, message]);
  if (exchange.verdict?.kind !== 'respond') throw new Error('expected a response');
  expect(JSON.parse(exchange.verdict.body)).toEqual({ __type: 'AccessDeniedException', Message: message });
  return exchange.verdict.decision;
}

const resourcePolicy = (principal: string, effect = 'Allow') =>
  statement({ Sid: 'SecretPolicy', Effect: effect, Principal: { AWS: principal }, Action: GET, Resource: '*' });

test('an identity policy that allows the secret lets the session read it; the decision names the statement', async () => {
  const decision = await expectAllowed({ role: role({ identityPolicies: [allow(GET, SECRET_ARN)] }) });
  expect(decision?.operation).toBe('GetSecretValue');
  expect(decision?.explanation[0]).toContain('identity-based policy');
  expect(decision?.explanation[0]).toContain('AllowRead');
});

test('the usual `name-??????` resource pattern matches a secret read by name', async () => {
  await expectAllowed({ role: role({ identityPolicies: [allow(GET, 'arn:aws:secretsmanager:*:*:secret:app/db-??????')] }) });
});

test('without any grant the read is denied: no identity-based policy allows it', async () => {
  const decision = await expectDenied({ role: role() }, denied('app/db', `because no identity-based policy allows the ${GET} action`));
  expect(decision.outcome).toBe('AccessDeniedException');
  expect(decision.httpStatus).toBe(400);
  expect(decision.authorization?.denial).toBe('no-identity-allow');
});

test('the denial names the secret as the caller wrote it (ARN when read by ARN)', async () => {
  await expectDenied({ role: role() }, denied(SECRET_ARN, `because no identity-based policy allows the ${GET} action`), SECRET_ARN);
});

test('a resource policy alone (naming the role) grants the read', async () => {
  const decision = await expectAllowed({ role: role(), secrets: [secret({ resourcePolicy: resourcePolicy(ROLE_ARN) })] });
  expect(decision?.explanation[0]).toContain('resource-based policy');
});

test('an explicit deny in the resource policy beats an identity allow', async () => {
  const decision = await expectDenied(
    { role: role({ identityPolicies: [allow(GET, '*')] }), secrets: [secret({ resourcePolicy: resourcePolicy(ROLE_ARN, 'Deny') })] },
    denied('app/db', 'with an explicit deny in a resource-based policy'),
  );
  expect(decision.explanation[0]).toContain('explicit Deny in the resource-based policy');
  expect(decision.explanation[0]).toContain('SecretPolicy');
});

test('a permissions boundary caps what the role policy grants', async () => {
  await expectDenied(
    { role: role({ identityPolicies: [allow(GET, '*')], permissionsBoundary: allow('secretsmanager:DescribeSecret', '*') }) },
    denied('app/db', `because no permissions boundary allows the ${GET} action`),
  );
});

test('a boundary that allows the action lets the identity grant through', async () => {
  await expectAllowed({ role: role({ identityPolicies: [allow(GET, '*')], permissionsBoundary: allow('secretsmanager:*', '*') }) });
});

test('a session policy narrows the role: a secret outside it is denied', async () => {
  await expectDenied(
    { role: role({ identityPolicies: [allow(GET, '*')] }), session: { sessionPolicy: allow(GET, 'arn:aws:secretsmanager:*:*:secret:other-*') } },
    denied('app/db', `because no session policy allows the ${GET} action`),
  );
});

test('under a session policy, a resource policy naming the session ARN still grants', async () => {
  await expectAllowed({
    role: role(),
    secrets: [secret({ resourcePolicy: resourcePolicy(SESSION_ARN) })],
    session: { sessionPolicy: allow('s3:GetObject', '*') },
  });
});

test('under a session policy, a resource policy naming the role ARN is capped by it', async () => {
  await expectDenied(
    { role: role(), secrets: [secret({ resourcePolicy: resourcePolicy(ROLE_ARN) })], session: { sessionPolicy: allow('s3:GetObject', '*') } },
    denied('app/db', `because no session policy allows the ${GET} action`),
  );
});

test('a secret that does not exist: AccessDeniedException without permission', async () => {
  await expectDenied({ role: role() }, denied('app/missing', `because no identity-based policy allows the ${GET} action`), 'app/missing');
});

test('a secret that does not exist: ResourceNotFoundException when the caller may read it', async () => {
  const { client: sm, exchange } = client({ role: role({ identityPolicies: [allow(GET, '*')] }) });
  const error = await rejection(sm.send(new GetSecretValueCommand({ SecretId: 'app/missing' })));
  expect([error.name, error.$metadata.httpStatusCode, error.message]).toEqual([
    'ResourceNotFoundException',
    400,
    "Secrets Manager can't find the specified secret.",
  ]);
  expect(exchange.verdict?.kind === 'respond' && exchange.verdict.decision.outcome).toBe('ResourceNotFoundException');
});

test('post-assumption token keys (sub) and aws:FederatedProvider are condition keys of the read', async () => {
  const onSub = (pattern: string) =>
    role({
      identityPolicies: [
        allow(GET, '*', {
          Condition: {
            StringLike: { 'api.gitpod.io/idp:sub': pattern },
            StringEquals: { 'aws:FederatedProvider': 'arn:aws:iam::123456789012:oidc-provider/api.gitpod.io/idp' },
          },
        }),
      ],
    });
  await expectAllowed({ role: onSub('https://github.com/acme/*') });
  await expectDenied({ role: onSub('https://github.com/evil/*') }, denied('app/db', `because no identity-based policy allows the ${GET} action`));
});

test('DescribeSecret needs secretsmanager:DescribeSecret, not GetSecretValue', async () => {
  const { client: sm } = client({ role: role({ identityPolicies: [allow(GET, '*')] }) });
  const error = await rejection(sm.send(new DescribeSecretCommand({ SecretId: 'app/db' })));
  expect(error.message).toBe(
    `User: ${SESSION_ARN} is not authorized to perform: secretsmanager:DescribeSecret on resource: app/db ` +
      'because no identity-based policy allows the secretsmanager:DescribeSecret action',
  );
});

test('ListSecrets needs secretsmanager:ListSecrets on *; AWS names no resource in the denial', async () => {
  const { client: denyClient } = client({ role: role({ identityPolicies: [allow(GET, '*')] }) });
  const error = await rejection(denyClient.send(new ListSecretsCommand({})));
  expect([error.name, error.$metadata.httpStatusCode, error.message]).toEqual([
    'AccessDeniedException',
    400,
    `User: ${SESSION_ARN} is not authorized to perform: secretsmanager:ListSecrets because no identity-based policy allows the secretsmanager:ListSecrets action`,
  ]);
  const { client: allowClient, exchange } = client({ role: role({ identityPolicies: [allow('secretsmanager:ListSecrets', '*')] }) });
  await allowClient.send(new ListSecretsCommand({}));
  expect(exchange.verdict?.kind).toBe('forward');
});

test('a role deleted after assumption grants nothing', async () => {
  const w = world({ role: role({ arn: 'arn:aws:iam::123456789012:role/someone-else' }) });
  const { client: sm } = secretsManager(w.ctx, { credentials: w.session });
  const error = await rejection(sm.send(new GetSecretValueCommand({ SecretId: 'app/db' })));
  expect(error.name).toBe('AccessDeniedException');
});

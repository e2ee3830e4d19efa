/**
 * Creates a scenario's `aws:` section in a backend: OIDC providers, roles (trust policy, inline and
 * managed policies, permissions boundary, MaxSessionDuration) and secrets (value, resource policy).
 */
import {
  AttachRolePolicyCommand,
  CreateOpenIDConnectProviderCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { CreateSecretCommand, PutResourcePolicyCommand } from '@aws-sdk/client-secrets-manager';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { HarnessError } from '../errors.js';
import { runTags } from '../backends/run-tag.js';
import type { RoleSpec, Scenario } from '../scenario/model.js';
import { createAdminClients, type AdminClients, type ClientTarget } from './clients.js';

export interface Provisioned {
  accountId: string;
  /** in the order of aws.providers */
  providerArns: string[];
  roleArns: Record<string, string>;
  secretArns: Record<string, string>;
}

export interface ProvisionOptions extends ClientTarget {
  /** tags put on every resource (default: `aws-oidc-harness:run=<this process's run id>`) */
  tags?: Record<string, string>;
}

/** IAM insists on a thumbprint in some implementations; AWS ignores it for well-known CAs. */
export const PLACEHOLDER_THUMBPRINT = '0'.repeat(40);

async function step<T>(resource: string, operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const e = error as { name?: string; message?: string };
    throw new HarnessError('PROVISION_FAILED', `${resource}: ${operation} failed: ${e.name ?? 'Error'}: ${e.message ?? String(error)}`, {
      cause: error,
    });
  }
}

const required = (value: string | undefined, what: string): string => {
  if (!value) throw new HarnessError('PROVISION_FAILED', `${what}: the response carried no ARN`);
  return value;
};

async function createManagedPolicy(clients: AdminClients, name: string, document: object, tags: { Key: string; Value: string }[], owner: string) {
  const created = await step(`managed policy "${name}" (role "${owner}")`, 'CreatePolicy', () =>
    clients.iam.send(new CreatePolicyCommand({ PolicyName: name, PolicyDocument: JSON.stringify(document), Tags: tags })),
  );
  return required(created.Policy?.Arn, `managed policy "${name}"`);
}

async function createRole(clients: AdminClients, role: RoleSpec, tags: { Key: string; Value: string }[]): Promise<string> {
  const what = `role "${role.name}"`;
  const boundaryArn = role.permissionsBoundary
    ? await createManagedPolicy(clients, `${role.name}-boundary`, role.permissionsBoundary, tags, role.name)
    : undefined;
  const created = await step(what, 'CreateRole', () =>
    clients.iam.send(
      new CreateRoleCommand({
        RoleName: role.name,
        AssumeRolePolicyDocument: JSON.stringify(role.trustPolicy),
        MaxSessionDuration: role.maxSessionDuration,
        PermissionsBoundary: boundaryArn,
        Tags: tags,
      }),
    ),
  );
  for (const [i, policy] of role.policies.entries()) {
    await step(what, `PutRolePolicy (policies[${i}])`, () =>
      clients.iam.send(new PutRolePolicyCommand({ RoleName: role.name, PolicyName: `policy-${i}`, PolicyDocument: JSON.stringify(policy) })),
    );
  }
  for (const managed of role.managedPolicies) {
    const arn = await createManagedPolicy(clients, managed.name, managed.document, tags, role.name);
    await step(what, `AttachRolePolicy (${managed.name})`, () =>
      clients.iam.send(new AttachRolePolicyCommand({ RoleName: role.name, PolicyArn: arn })),
    );
  }
  return required(created.Role?.Arn, what);
}

export async function provisionScenario(scenario: Scenario, options: ProvisionOptions): Promise<Provisioned> {
  const clients = createAdminClients(options);
  const tags = Object.entries(options.tags ?? runTags()).map(([Key, Value]) => ({ Key, Value }));
  const result: Provisioned = { accountId: '', providerArns: [], roleArns: {}, secretArns: {} };

  for (const provider of scenario.aws.providers) {
    const created = await step(`OIDC provider ${provider.url}`, 'CreateOpenIDConnectProvider', () =>
      clients.iam.send(
        new CreateOpenIDConnectProviderCommand({
          Url: provider.url,
          ClientIDList: provider.clientIds,
          ThumbprintList: provider.thumbprints.length > 0 ? provider.thumbprints : [PLACEHOLDER_THUMBPRINT],
          Tags: tags,
        }),
      ),
    );
    result.providerArns.push(required(created.OpenIDConnectProviderArn, `OIDC provider ${provider.url}`));
  }
  for (const role of scenario.aws.roles) result.roleArns[role.name] = await createRole(clients, role, tags);

  for (const secret of scenario.aws.secrets) {
    const what = `secret "${secret.name}"`;
    const created = await step(what, 'CreateSecret', () =>
      clients.secrets.send(new CreateSecretCommand({ Name: secret.name, SecretString: secret.value, Tags: tags })),
    );
    const arn = required(created.ARN, what);
    if (secret.resourcePolicy) {
      const policy = JSON.stringify(secret.resourcePolicy);
      await step(what, 'PutResourcePolicy', () =>
        clients.secrets.send(new PutResourcePolicyCommand({ SecretId: arn, ResourcePolicy: policy })),
      );
    }
    result.secretArns[secret.name] = arn;
  }

  const someArn = [...result.providerArns, ...Object.values(result.roleArns), ...Object.values(result.secretArns)][0];
  result.accountId =
    someArn?.split(':')[4] ||
    required((await step('account', 'GetCallerIdentity', () => clients.sts.send(new GetCallerIdentityCommand({})))).Account, 'account');
  return result;
}

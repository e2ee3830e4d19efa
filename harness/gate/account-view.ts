/** AccountView over the backend's IAM and Secrets Manager, cached until invalidate(). */
import {
  GetGroupCommand,
  GetInstanceProfileCommand,
  GetOpenIDConnectProviderCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetUserCommand,
  type IAMClient,
  ListAttachedRolePoliciesCommand,
  ListOpenIDConnectProvidersCommand,
  ListRolePoliciesCommand,
} from '@aws-sdk/client-iam';
import { DescribeSecretCommand, GetResourcePolicyCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { StartedBackend } from '../backends/types.js';
import { adminClients } from './admin-clients.js';
import { parsePolicyDocument } from './policy-document.js';
import type { AccountView, IamNamedKind, OidcProviderView, RoleView, SecretView } from './types.js';

const isNotFound = (e: unknown): boolean =>
  e instanceof Error && /NoSuchEntity|ResourceNotFound|NotFound/.test(e.name);

export class BackendAccountView implements AccountView {
  private readonly cache = new Map<string, Promise<unknown>>();
  private readonly iam: IAMClient;
  /** one Secrets Manager client per region: a secret is looked up where the caller signed for */
  private readonly secretsByRegion = new Map<string, SecretsManagerClient>();

  constructor(private readonly backend: StartedBackend) {
    const clients = adminClients(backend);
    this.iam = clients.iam;
    this.secretsByRegion.set(backend.region(), clients.secrets);
  }

  private secrets(region: string): SecretsManagerClient {
    let client = this.secretsByRegion.get(region);
    if (!client) {
      client = adminClients(this.backend, region).secrets;
      this.secretsByRegion.set(region, client);
    }
    return client;
  }

  invalidate(): void {
    this.cache.clear();
  }

  providers(accountId: string): Promise<OidcProviderView[]> {
    return this.cached(`providers:${accountId}`, async () => {
      const list = await this.iam.send(new ListOpenIDConnectProvidersCommand({}));
      const arns = (list.OpenIDConnectProviderList ?? [])
        .map((p) => p.Arn ?? '')
        .filter((arn) => arn.split(':')[4] === accountId);
      return Promise.all(arns.map((arn) => this.provider(arn)));
    });
  }

  role(arn: string): Promise<RoleView | undefined> {
    return this.cached(`role:${arn}`, () => this.readRole(arn));
  }

  secret(idOrArn: string, region = this.backend.region()): Promise<SecretView | undefined> {
    return this.cached(`secret:${region}:${idOrArn}`, () => this.readSecret(idOrArn, region));
  }

  policy(arn: string): Promise<Record<string, unknown> | undefined> {
    return this.cached(`policy:${arn}`, async () => {
      try {
        return await this.managedPolicy(arn);
      } catch (e) {
        if (isNotFound(e) || (e instanceof Error && /InvalidInput|ValidationError/.test(e.name))) return undefined;
        throw e;
      }
    });
  }

  iamArn(kind: IamNamedKind, name: string): Promise<string | undefined> {
    return this.cached(`iam-arn:${kind}:${name}`, async () => {
      try {
        return await this.readIamArn(kind, name);
      } catch (e) {
        if (isNotFound(e) || (e instanceof Error && /ValidationError|InvalidInput/.test(e.name))) return undefined;
        throw e;
      }
    });
  }

  private async readIamArn(kind: IamNamedKind, name: string): Promise<string | undefined> {
    switch (kind) {
      case 'role':
        return (await this.iam.send(new GetRoleCommand({ RoleName: name }))).Role?.Arn;
      case 'user':
        return (await this.iam.send(new GetUserCommand({ UserName: name }))).User?.Arn;
      case 'group':
        return (await this.iam.send(new GetGroupCommand({ GroupName: name }))).Group?.Arn;
      case 'instance-profile':
        return (await this.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: name }))).InstanceProfile?.Arn;
    }
  }

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    let entry = this.cache.get(key) as Promise<T> | undefined;
    if (!entry) {
      entry = load();
      this.cache.set(key, entry);
      entry.catch(() => this.cache.delete(key));
    }
    return entry;
  }

  private async provider(arn: string): Promise<OidcProviderView> {
    const p = await this.iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
    return {
      arn,
      url: (p.Url ?? '').replace(/^https:\/\//, ''),
      clientIds: p.ClientIDList ?? [],
      thumbprints: p.ThumbprintList ?? [],
    };
  }

  private async readRole(arn: string): Promise<RoleView | undefined> {
    const match = /^arn:aws[\w-]*:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(arn);
    if (!match) return undefined;
    const [, accountId, name] = match as unknown as [string, string, string];
    let role;
    try {
      role = (await this.iam.send(new GetRoleCommand({ RoleName: name }))).Role;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
    if (!role || role.Arn !== arn) return undefined;
    const boundaryArn = role.PermissionsBoundary?.PermissionsBoundaryArn;
    return {
      name,
      arn,
      roleId: role.RoleId ?? '',
      accountId,
      trustPolicy: parsePolicyDocument(role.AssumeRolePolicyDocument) ?? {},
      identityPolicies: [...(await this.inlinePolicies(name)), ...(await this.attachedPolicies(name))],
      ...(boundaryArn ? { permissionsBoundary: await this.managedPolicy(boundaryArn) } : {}),
      maxSessionDuration: role.MaxSessionDuration ?? 3600,
    };
  }

  private async inlinePolicies(roleName: string): Promise<Record<string, unknown>[]> {
    const names = (await this.iam.send(new ListRolePoliciesCommand({ RoleName: roleName }))).PolicyNames ?? [];
    const docs = await Promise.all(
      names.map(async (PolicyName) => {
        const p = await this.iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName }));
        return parsePolicyDocument(p.PolicyDocument);
      }),
    );
    return docs.filter((d): d is Record<string, unknown> => d !== undefined);
  }

  private async attachedPolicies(roleName: string): Promise<Record<string, unknown>[]> {
    const attached = (await this.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName }))).AttachedPolicies ?? [];
    const docs = await Promise.all(attached.map((p) => this.managedPolicy(p.PolicyArn ?? '')));
    return docs.filter((d): d is Record<string, unknown> => d !== undefined);
  }

  private async managedPolicy(arn: string): Promise<Record<string, unknown> | undefined> {
    const policy = (await this.iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy;
    if (!policy?.DefaultVersionId) return undefined;
    const version = await this.iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: policy.DefaultVersionId }));
    return parsePolicyDocument(version.PolicyVersion?.Document);
  }

  private async readSecret(idOrArn: string, region: string): Promise<SecretView | undefined> {
    const secrets = this.secrets(region);
    try {
      const described = await secrets.send(new DescribeSecretCommand({ SecretId: idOrArn }));
      const policy = await secrets.send(new GetResourcePolicyCommand({ SecretId: idOrArn }));
      const resourcePolicy = parsePolicyDocument(policy.ResourcePolicy);
      return { name: described.Name ?? idOrArn, arn: described.ARN ?? idOrArn, ...(resourcePolicy ? { resourcePolicy } : {}) };
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }
}

export const createAccountView = (backend: StartedBackend): AccountView => new BackendAccountView(backend);

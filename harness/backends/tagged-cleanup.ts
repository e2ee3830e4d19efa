/**
 * Deletes every IAM role, customer managed policy, OIDC provider and secret whose tags match: those carrying
 * the harness's run tag (an emulator that is not ours), or all of them (an emulator container the run owns).
 */
import {
  DeleteOpenIDConnectProviderCommand,
  DeletePolicyCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListOpenIDConnectProviderTagsCommand,
  ListOpenIDConnectProvidersCommand,
  ListPoliciesCommand,
  ListPolicyTagsCommand,
  ListRolePoliciesCommand,
  ListRoleTagsCommand,
  ListRolesCommand,
  type Tag,
} from '@aws-sdk/client-iam';
import { DeleteSecretCommand, ListSecretsCommand, type Tag as SecretTag } from '@aws-sdk/client-secrets-manager';

/** The one method of an SDK client we use; fakes implement it in tests. */
export interface Sender {
  send(command: object): Promise<unknown>;
}

export interface CleanupClients {
  iam: Sender;
  secrets: Sender;
}

type Page<K extends string, T> = { [key in K]?: T[] } & { Marker?: string; IsTruncated?: boolean; NextToken?: string };

/** decides, from a resource's tags, whether it goes */
export type TagMatch = (tags: (Tag | SecretTag)[] | undefined) => boolean;

const hasTag = (key: string, value: string): TagMatch => (tags) => (tags ?? []).some((t) => t.Key === key && t.Value === value);

async function iamPages<K extends string, T>(iam: Sender, make: (marker?: string) => object, key: K): Promise<T[]> {
  const items: T[] = [];
  let marker: string | undefined;
  do {
    const page = (await iam.send(make(marker))) as Page<K, T>;
    items.push(...(page[key] ?? []));
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return items;
}

async function deleteRoles(iam: Sender, matches: TagMatch): Promise<number> {
  const roles = await iamPages<'Roles', { RoleName?: string }>(iam, (Marker) => new ListRolesCommand({ Marker }), 'Roles');
  let deleted = 0;
  for (const { RoleName } of roles) {
    const tags = (await iam.send(new ListRoleTagsCommand({ RoleName }))) as { Tags?: Tag[] };
    if (!RoleName || !matches(tags.Tags)) continue;
    const inline = (await iam.send(new ListRolePoliciesCommand({ RoleName }))) as { PolicyNames?: string[] };
    for (const PolicyName of inline.PolicyNames ?? []) await iam.send(new DeleteRolePolicyCommand({ RoleName, PolicyName }));
    const attached = (await iam.send(new ListAttachedRolePoliciesCommand({ RoleName }))) as { AttachedPolicies?: { PolicyArn?: string }[] };
    for (const { PolicyArn } of attached.AttachedPolicies ?? []) await iam.send(new DetachRolePolicyCommand({ RoleName, PolicyArn }));
    await iam.send(new DeleteRoleCommand({ RoleName }));
    deleted++;
  }
  return deleted;
}

async function deletePolicies(iam: Sender, matches: TagMatch): Promise<number> {
  const policies = await iamPages<'Policies', { Arn?: string }>(iam, (Marker) => new ListPoliciesCommand({ Scope: 'Local', Marker }), 'Policies');
  let deleted = 0;
  for (const { Arn } of policies) {
    const tags = (await iam.send(new ListPolicyTagsCommand({ PolicyArn: Arn }))) as { Tags?: Tag[] };
    if (!Arn || !matches(tags.Tags)) continue;
    await iam.send(new DeletePolicyCommand({ PolicyArn: Arn }));
    deleted++;
  }
  return deleted;
}

async function deleteProviders(iam: Sender, matches: TagMatch): Promise<number> {
  const list = (await iam.send(new ListOpenIDConnectProvidersCommand({}))) as { OpenIDConnectProviderList?: { Arn?: string }[] };
  let deleted = 0;
  for (const { Arn } of list.OpenIDConnectProviderList ?? []) {
    const tags = (await iam.send(new ListOpenIDConnectProviderTagsCommand({ OpenIDConnectProviderArn: Arn }))) as { Tags?: Tag[] };
    if (!Arn || !matches(tags.Tags)) continue;
    await iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: Arn }));
    deleted++;
  }
  return deleted;
}

async function deleteSecrets(secrets: Sender, matches: TagMatch): Promise<number> {
  let deleted = 0;
  let NextToken: string | undefined;
  do {
    const page = (await secrets.send(new ListSecretsCommand({ NextToken }))) as {
      SecretList?: { ARN?: string; Tags?: SecretTag[] }[];
      NextToken?: string;
    };
    for (const secret of page.SecretList ?? []) {
      if (!secret.ARN || !matches(secret.Tags)) continue;
      await secrets.send(new DeleteSecretCommand({ SecretId: secret.ARN, ForceDeleteWithoutRecovery: true }));
      deleted++;
    }
    NextToken = page.NextToken;
  } while (NextToken);
  return deleted;
}

/** Roles first (detaching their policies), then the policies, providers and secrets. Returns how many went. */
export async function deleteMatchingResources(clients: CleanupClients, matches: TagMatch): Promise<number> {
  return (
    (await deleteRoles(clients.iam, matches)) +
    (await deletePolicies(clients.iam, matches)) +
    (await deleteProviders(clients.iam, matches)) +
    (await deleteSecrets(clients.secrets, matches))
  );
}

export function deleteTaggedResources(clients: CleanupClients, tag: { key: string; value: string }): Promise<number> {
  return deleteMatchingResources(clients, hasTag(tag.key, tag.value));
}

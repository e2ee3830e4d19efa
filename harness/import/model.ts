/**
 * The intermediate model every source format is read into (Terraform plan JSON, Terraform HCL,
 * CloudFormation, IAM CLI JSON). Sources only record what they found; assemble.ts resolves managed policy
 * ARNs, adds providers named by Federated principals and secrets named by policies, and groups by account.
 */
import type { PolicyJson } from '../policy/types.js';

/** Where something was read: the file and the place inside it (a resource address, a JSON path). */
export interface Place {
  file: string;
  place: string;
}

export interface ImportedPolicy {
  name: string;
  /** undefined when the whole document could not be resolved */
  document?: PolicyJson;
  from: Place;
}

export interface ImportedRole {
  name: string;
  accountId?: string;
  trustPolicy: PolicyJson;
  inlinePolicies: ImportedPolicy[];
  /** ARNs of attached managed policies (customer or AWS managed) */
  managedPolicyArns: string[];
  permissionsBoundaryArn?: string;
  maxSessionDuration?: number;
  from: Place;
}

export interface ImportedManagedPolicy {
  arn: string;
  name: string;
  document?: PolicyJson;
  from: Place;
}

export interface ImportedProvider {
  url: string;
  clientIds: string[];
  thumbprints: string[];
  accountId?: string;
}

export interface ImportedSecret {
  name: string;
  accountId?: string;
  resourcePolicy?: PolicyJson;
  from?: Place;
}

/** Something a source could not resolve: named, with where it is and what to do instead. */
export interface ImportNote {
  from: Place;
  message: string;
  /** the role it concerns, when one */
  role?: string;
  /** a trust policy could not be resolved: the import fails (exit 2) */
  fatal?: boolean;
}

export interface ImportedSources {
  roles: ImportedRole[];
  managedPolicies: ImportedManagedPolicy[];
  providers: ImportedProvider[];
  secrets: ImportedSecret[];
  notes: ImportNote[];
  /** the account ids the sources themselves state (ARNs, pseudo parameters) */
  accountIds: string[];
}

export const emptySources = (): ImportedSources => ({
  roles: [],
  managedPolicies: [],
  providers: [],
  secrets: [],
  notes: [],
  accountIds: [],
});

export function mergeSources(all: readonly ImportedSources[]): ImportedSources {
  const out = emptySources();
  for (const s of all) {
    out.roles.push(...s.roles);
    out.managedPolicies.push(...s.managedPolicies);
    out.providers.push(...s.providers);
    out.secrets.push(...s.secrets);
    out.notes.push(...s.notes);
    out.accountIds.push(...s.accountIds);
  }
  return out;
}

/** What the user gave on the command line. */
export interface ImportOptions {
  /** --var NAME=VALUE (Terraform) */
  vars: Record<string, string>;
  /** --parameter NAME=VALUE (CloudFormation) */
  parameters: Record<string, string>;
  /** --account-id: the account when the sources do not state it */
  accountId?: string;
  region?: string;
}

/** One account's worth of imported policies, ready to be written as a scenario. */
export interface ImportedAccount {
  accountId: string;
  region: string;
  providers: ImportedProvider[];
  roles: AssembledRole[];
  secrets: ImportedSecret[];
  notes: ImportNote[];
}

export interface AssembledRole {
  name: string;
  trustPolicy: PolicyJson;
  policies: ImportedPolicy[];
  managedPolicies: { name: string; arn: string; document: PolicyJson; awsManaged: boolean }[];
  permissionsBoundary?: { arn: string; document: PolicyJson };
  maxSessionDuration?: number;
  /** what was left out of this role's permissions, one sentence each (becomes a YAML comment) */
  omitted: string[];
  from: Place;
}

export const DEFAULT_IMPORT_ACCOUNT = '123456789012';

/**
 * The AWS managed policies (`arn:aws:iam::aws:policy/...`) the importer attaches as AWS does: their
 * documents cannot be fetched offline, so the few that grant Secrets Manager reads are shipped, copied from
 * moto 5.2.1's `moto/iam/aws_managed_policies.py` (Apache-2.0), which mirrors AWS's published versions
 * (version id kept). Any other AWS managed policy is reported as not resolved and left out, with a comment.
 * In a scenario such a policy becomes a managed policy of the same name (the emulators create it; the
 * gate evaluates the same document).
 */
import { readFileSync } from 'node:fs';
import type { PolicyJson } from '../policy/types.js';
import path from 'node:path';
import { packageRoot } from '../module-path.js';

const AWS_MANAGED = /^arn:aws[a-z-]*:iam::aws:policy\/(?:.*\/)?([^/]+)$/;

interface Shipped {
  versionId: string;
  document: PolicyJson;
}

let shipped: Record<string, Shipped> | undefined;

function load(): Record<string, Shipped> {
  shipped ??= JSON.parse(readFileSync(path.join(packageRoot(import.meta.url), 'harness/import/aws-managed-policies.json'), 'utf8')) as Record<string, Shipped>;
  return shipped;
}

export const awsManagedPolicyName = (arn: string): string | undefined => AWS_MANAGED.exec(arn)?.[1];

export function awsManagedPolicy(arn: string): (Shipped & { name: string }) | undefined {
  const name = awsManagedPolicyName(arn);
  const found = name ? load()[name] : undefined;
  return found && name ? { name, ...found } : undefined;
}

export const shippedAwsManagedPolicies = (): string[] => Object.keys(load());

/**
 * Turns what the sources found into one ImportedAccount per account: managed policy ARNs resolved to
 * documents (customer managed from the sources, AWS managed from the shipped copies), providers added for
 * Federated principals the sources do not define, and a secret for every secret the policies name.
 */
import { strings, trustStatements } from '../lint/trust-statements.js';
import { prefixOfFederated } from '../lint/provider-prefix.js';
import type { PolicyJson } from '../policy/types.js';
import { awsManagedPolicy, awsManagedPolicyName } from './aws-managed-policies.js';
import { DEFAULT_IMPORT_ACCOUNT, type AssembledRole, type ImportedAccount, type ImportedSecret, type ImportedSources, type ImportOptions } from './model.js';
import { secretNameOfArn } from './secret-arns.js';

const ACCOUNT_IN_ARN = /^arn:aws[a-z-]*:[a-z0-9-]+:[^:]*:(\d{12}):/;

function accountOfRole(sources: ImportedSources, trust: PolicyJson, given: string | undefined, roleAccount?: string): string {
  if (given) return given;
  if (roleAccount) return roleAccount;
  for (const s of trustStatements(trust)) {
    for (const f of s.federated) {
      const a = prefixOfFederated(f).accountId;
      if (a) return a;
    }
  }
  return sources.accountIds[0] ?? DEFAULT_IMPORT_ACCOUNT;
}

function resourcesOf(document: PolicyJson | undefined): string[] {
  if (!document) return [];
  const raw = document['Statement'];
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return list.flatMap((s) => (s && typeof s === 'object' ? strings((s as Record<string, unknown>)['Resource']) : []));
}

export function assemble(sources: ImportedSources, options: ImportOptions): ImportedAccount[] {
  const region = options.region ?? 'us-east-1';
  const accounts = new Map<string, ImportedAccount>();
  const accountFor = (id: string): ImportedAccount => {
    let a = accounts.get(id);
    if (!a) accounts.set(id, (a = { accountId: id, region, providers: [], roles: [], secrets: [], notes: [] }));
    return a;
  };
  const seenRoles = new Set<string>();
  for (const role of sources.roles) {
    const accountId = accountOfRole(sources, role.trustPolicy, options.accountId, role.accountId);
    const account = accountFor(accountId);
    if (seenRoles.has(`${accountId}/${role.name}`)) {
      account.notes.push({ from: role.from, role: role.name, message: `role ${role.name} is defined twice; the later definition is ignored` });
      continue;
    }
    seenRoles.add(`${accountId}/${role.name}`);
    const omitted: string[] = [];
    const managedPolicies: AssembledRole['managedPolicies'] = [];
    for (const arn of role.managedPolicyArns) {
      const custom = sources.managedPolicies.find((m) => m.arn === arn || arn.endsWith(`:policy/${m.name}`));
      if (custom?.document) managedPolicies.push({ name: custom.name, arn, document: custom.document, awsManaged: false });
      else if (awsManagedPolicy(arn)) {
        const p = awsManagedPolicy(arn)!;
        managedPolicies.push({ name: p.name, arn, document: p.document, awsManaged: true });
      } else if (awsManagedPolicyName(arn)) {
        omitted.push(`AWS managed policy ${arn}: its document is not shipped with the harness (only ${['AdministratorAccess', 'PowerUserAccess', 'SecretsManagerReadWrite'].join(', ')}); left out`);
      } else {
        omitted.push(`managed policy ${arn}: ${custom ? 'its document could not be resolved' : 'not found in the sources (import its aws iam get-policy-version output too)'}; left out`);
      }
    }
    let permissionsBoundary: AssembledRole['permissionsBoundary'];
    if (role.permissionsBoundaryArn) {
      const arn = role.permissionsBoundaryArn;
      const document = sources.managedPolicies.find((m) => m.arn === arn)?.document ?? awsManagedPolicy(arn)?.document;
      if (document) permissionsBoundary = { arn, document };
      else omitted.push(`permissions boundary ${arn}: its document is not in the sources; left out, so the generated expectations may allow more than AWS would`);
    }
    for (const p of role.inlinePolicies) if (!p.document) omitted.push(`inline policy ${p.name} (${p.from.file}: ${p.from.place}): could not be resolved; left out`);
    for (const n of sources.notes.filter((n) => n.role === role.name && !n.fatal)) omitted.push(`${n.from.file}: ${n.message}`);
    account.roles.push({
      name: role.name,
      trustPolicy: role.trustPolicy,
      policies: role.inlinePolicies.filter((p) => p.document),
      managedPolicies,
      ...(permissionsBoundary ? { permissionsBoundary } : {}),
      ...(role.maxSessionDuration !== undefined ? { maxSessionDuration: role.maxSessionDuration } : {}),
      omitted: [...new Set(omitted)],
      from: role.from,
    });
  }
  [...accounts.values()].forEach((account, i) => {
    account.notes.push(...sources.notes.filter((n) => (n.role ? account.roles.some((r) => r.name === n.role) : i === 0)));
    addProviders(account, sources);
    addSecrets(account, sources);
  });
  return [...accounts.values()];
}

function addProviders(account: ImportedAccount, sources: ImportedSources): void {
  const known = (url: string) => account.providers.some((p) => p.url.replace(/^https:\/\//, '').toLowerCase() === url.replace(/^https:\/\//, '').toLowerCase());
  for (const role of account.roles) {
    for (const s of trustStatements(role.trustPolicy)) {
      for (const f of s.federated) {
        const { prefix } = prefixOfFederated(f);
        if (!prefix.includes('.') || /amazonaws\.com$|^accounts\.google\.com$|^graph\.facebook\.com$|^www\.amazon\.com$/.test(prefix)) continue;
        const url = `https://${prefix}`;
        if (known(url)) continue;
        const defined = sources.providers.find((p) => p.url.replace(/^https:\/\//, '').toLowerCase() === prefix.toLowerCase());
        if (defined) {
          account.providers.push(defined);
          continue;
        }
        const audiences = s.conditions.filter((c) => /:aud$/i.test(c.key) && !c.negated).flatMap((c) => c.values).filter((v) => !/[*?]/.test(v));
        account.providers.push({ url, clientIds: audiences.length ? [...new Set(audiences)] : ['sts.amazonaws.com'], thumbprints: [] });
        account.notes.push({ from: role.from, role: role.name, message: `the trust policy names the provider ${prefix}, which these sources do not define; imported with client IDs ${JSON.stringify(audiences.length ? audiences : ['sts.amazonaws.com'])}` });
      }
    }
  }
  if (account.providers.length === 0) account.providers.push(...sources.providers);
}

function addSecrets(account: ImportedAccount, sources: ImportedSources): void {
  const add = (s: ImportedSecret) => {
    if (!account.secrets.some((x) => x.name === s.name)) account.secrets.push(s);
  };
  for (const s of sources.secrets) add(s);
  const documents = account.roles.flatMap((r) => [...r.policies.map((p) => p.document), ...r.managedPolicies.map((m) => m.document), r.permissionsBoundary?.document]);
  for (const resource of documents.flatMap(resourcesOf)) {
    const name = secretNameOfArn(resource);
    const m = ACCOUNT_IN_ARN.exec(resource);
    if (name && (!m || m[1] === account.accountId)) add({ name });
  }
}

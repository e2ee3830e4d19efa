/** An imported account as the harness's Scenario model (what probe and the evaluator consume). */
import { prefixOfUrl } from '../lint/provider-prefix.js';
import type { ProfileName, Scenario } from '../scenario/model.js';
import { trustStatements } from '../lint/trust-statements.js';
import { prefixOfFederated, samePrefix } from '../lint/provider-prefix.js';
import type { ImportedAccount, ImportedProvider } from './model.js';

export const UNREADABLE_SECRET = 'import-unreadable-canary';

/** The IdP profile the mock imitates for a provider URL. */
export function profileOfIssuer(url: string): ProfileName {
  const host = url.replace(/^https:\/\//, '');
  if (host.startsWith('token.actions.githubusercontent.com')) return 'github-actions';
  if (/(^|\.)gitlab\./.test(host)) return 'gitlab';
  if (host === 'app.gitpod.io' || host.startsWith('app.gitpod.io/')) return 'gitpod-flex';
  if (/gitpod/.test(host) && /\/idp$/.test(host)) return 'gitpod';
  return 'generic';
}

/** The provider most roles trust: the scenario's IdP. */
export function mainProvider(account: ImportedAccount): ImportedProvider | undefined {
  const count = (p: ImportedProvider) =>
    account.roles.filter((r) => trustStatements(r.trustPolicy).some((s) => s.federated.some((f) => samePrefix(prefixOfFederated(f).prefix, prefixOfUrl(p.url))))).length;
  return [...account.providers].sort((a, b) => count(b) - count(a))[0];
}

export const canaryValue = (secret: string): string => `CANARY-${secret.replace(/[^A-Za-z0-9]+/g, '-')}`;

export function toScenarioModel(account: ImportedAccount, id: string, extraSecrets: string[] = []): Scenario {
  const issuer = mainProvider(account)?.url ?? 'https://token.actions.githubusercontent.com';
  return {
    id,
    title: id,
    file: `${id}.scenario.yaml`,
    idp: { profile: profileOfIssuer(issuer), issuer, options: {} },
    aws: {
      accountId: account.accountId,
      region: account.region,
      providers: account.providers.map((p) => ({ url: p.url, clientIds: p.clientIds.length ? p.clientIds : ['sts.amazonaws.com'], thumbprints: p.thumbprints })),
      roles: account.roles.map((r) => ({
        name: r.name,
        trustPolicy: r.trustPolicy,
        policies: r.policies.map((p) => p.document!),
        managedPolicies: r.managedPolicies.map((m) => ({ name: m.name, document: m.document })),
        ...(r.permissionsBoundary ? { permissionsBoundary: r.permissionsBoundary.document } : {}),
        ...(r.maxSessionDuration !== undefined ? { maxSessionDuration: r.maxSessionDuration } : {}),
        strict: false,
      })),
      secrets: [...account.secrets.map((s) => ({ name: s.name, value: canaryValue(s.name), ...(s.resourcePolicy ? { resourcePolicy: s.resourcePolicy } : {}) })),
        ...extraSecrets.map((name) => ({ name, value: canaryValue(name) }))],
    },
    cases: [],
  };
}

/**
 * Writes an imported account as a scenario file with the `yaml` package's Document API, so that comments
 * say where each role came from, what was left out, and that every generated expectation needs review.
 */
import { Document, isMap, type YAMLMap } from 'yaml';
import type { Scenario } from '../scenario/model.js';
import type { GeneratedCase } from './generate-cases.js';
import type { ImportedAccount } from './model.js';

export interface WriteInput {
  scenario: Scenario;
  account: ImportedAccount;
  cases: GeneratedCase[];
  sources: string[];
}

export function scenarioFileObject({ scenario, account, cases }: WriteInput): Record<string, unknown> {
  return {
    id: scenario.id,
    title: scenario.title,
    idp: { profile: scenario.idp.profile, issuer: scenario.idp.issuer },
    aws: {
      accountId: scenario.aws.accountId,
      region: scenario.aws.region,
      providers: scenario.aws.providers.map((p) => ({ url: p.url, clientIds: p.clientIds, ...(p.thumbprints.length ? { thumbprints: p.thumbprints } : {}) })),
      roles: account.roles.map((r) => ({
        name: r.name,
        trustPolicy: r.trustPolicy,
        ...(r.policies.length ? { policies: r.policies.map((p) => p.document) } : {}),
        ...(r.managedPolicies.length ? { managedPolicies: r.managedPolicies.map((m) => ({ name: m.name, document: m.document })) } : {}),
        ...(r.permissionsBoundary ? { permissionsBoundary: r.permissionsBoundary.document } : {}),
        ...(r.maxSessionDuration !== undefined ? { maxSessionDuration: r.maxSessionDuration } : {}),
      })),
      secrets: scenario.aws.secrets.map((s) => ({ name: s.name, value: s.value, ...(s.resourcePolicy ? { resourcePolicy: s.resourcePolicy } : {}) })),
    },
    cases: cases.map((c) => ({
      name: c.name,
      token: { claims: c.token.claims, ...(c.token.audience !== undefined ? { audience: c.token.audience } : {}), ...(c.token.issuer ? { issuer: c.token.issuer } : {}) },
      assume: { role: c.role },
      ...(c.reads.length ? { reads: c.reads } : {}),
      expect: { assume: c.expect.assume, ...(Object.keys(c.expect.reads).length ? { reads: c.expect.reads } : {}) },
    })),
  };
}

const node = (doc: Document, path: (string | number)[]): YAMLMap | undefined => {
  const n = doc.getIn(path, true);
  return isMap(n) ? n : undefined;
};

export function writeScenarioYaml(input: WriteInput): string {
  const doc = new Document(scenarioFileObject(input), { aliasDuplicateObjects: false });
  doc.commentBefore = [
    ` Imported by \`aws-oidc-harness import\` from: ${input.sources.join(', ')}`,
    ' Secret values are CANARY- placeholders. Every case below is generated: review each expectation.',
    ` Keep it in sync in CI: aws-oidc-harness import ${input.sources.join(' ')} --check <this file>`,
  ].join('\n');
  input.account.roles.forEach((r, i) => {
    const n = node(doc, ['aws', 'roles', i]);
    if (!n) return;
    const lines = [` from ${r.from.file}: ${r.from.place}`];
    if (r.policies.length) lines.push(` inline policies: ${r.policies.map((p) => p.name).join(', ')}`);
    for (const m of r.managedPolicies) lines.push(` managed policy ${m.name}: ${m.arn}${m.awsManaged ? ' (AWS managed; document shipped with the harness)' : ''}`);
    if (r.permissionsBoundary) lines.push(` permissions boundary: ${r.permissionsBoundary.arn}`);
    for (const o of r.omitted) lines.push(` LEFT OUT: ${o}`);
    n.commentBefore = lines.join('\n');
  });
  const unnamedNotes = input.account.notes.filter((n) => !n.role);
  const secrets = doc.getIn(['aws', 'secrets'], true) as { commentBefore?: string } | undefined;
  if (secrets && unnamedNotes.length) secrets.commentBefore = unnamedNotes.map((n) => ` note: ${n.from.file}: ${n.message}`).join('\n');
  input.cases.forEach((c, i) => {
    const n = node(doc, ['cases', i]);
    if (n) n.commentBefore = ` ${c.review}`;
  });
  return doc.toString({ lineWidth: 0 });
}

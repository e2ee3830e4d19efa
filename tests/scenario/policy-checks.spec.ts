import { expect, test } from '@playwright/test';
import { loadScenarioFile } from '../../harness/scenario/index.js';
import { MINIMAL, ScenarioDir, errorLines } from './scenario-dir.js';

let dir: ScenarioDir;
test.beforeEach(() => {
  dir = new ScenarioDir();
});
test.afterEach(() => dir.remove());

const ALLOW_READ = '{ Effect: Allow, Action: "secretsmanager:GetSecretValue", Resource: "*" }';

/** MINIMAL with extra role keys (indented under the role) and an optional session policy on the case. */
function scenario(roleExtra: string, secretExtra = '', caseAssume = '{ role: reader }', expectAssume = 'allowed'): string {
  return MINIMAL.replace('            Action: sts:AssumeRoleWithWebIdentity\n', `            Action: sts:AssumeRoleWithWebIdentity\n${roleExtra}`)
    .replace('      value: canary-value\n', `      value: canary-value\n${secretExtra}`)
    .replace('    assume: { role: reader }', `    assume: ${caseAssume}`)
    .replace('      assume: allowed', `      assume: ${expectAssume}`);
}

test.describe('policies AWS would refuse are unusable input, found at load with file, path and a suggestion', () => {
  test('an operator typo in a trust policy file names the scenario path, the policy path and the operator meant', () => {
    dir.write('trust.json', JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Federated: '${ProviderArn}' }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEqual: { 'api.gitpod.io/idp:aud': 'sts.amazonaws.com' } } }],
    }));
    const file = dir.write('typo.scenario.yaml', MINIMAL.replace(/trustPolicy:\n(.|\n)*?Action: sts:AssumeRoleWithWebIdentity\n/, 'trustPolicy: ./trust.json\n'));
    const lines = errorLines('SCENARIO_INVALID', () => loadScenarioFile(file, { cwd: dir.root }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^typo\.scenario\.yaml: aws\.roles\[0\]\.trustPolicy\.Statement\[0\]\.Condition\.StringEqual: /);
    expect(lines[0]).toContain('did you mean "StringEquals"?');
  });

  test('identity, managed, boundary, resource and session policies are all checked, each with its own path', () => {
    const file = dir.write(
      'kinds.scenario.yaml',
      scenario(
        [
          `      policies: [{ Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "secretsmanager:GetSecretValue", Resource: "*", Condtion: {} }] }]`,
          `      managedPolicies: [{ name: m, document: { Version: "2012-10-17", Statement: [{ Effect: Permit, Action: "secretsmanager:GetSecretValue", Resource: "*" }] } }]`,
          `      permissionsBoundary: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "secretsmanager:GetSecretValue" }] }`,
          '',
        ].join('\n'),
        `      resourcePolicy: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "secretsmanager:GetSecretValue", Resource: "*" }] }\n`,
        `{ role: reader, policy: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "secretsmanager:GetSecretValue", Resource: "*", Condition: { "ForAnyValue:StringLikee": { "aws:TagKeys": x } } }] } }`,
      ),
    );
    const lines = errorLines('SCENARIO_INVALID', () => loadScenarioFile(file, { cwd: dir.root }));
    const paths = lines.map((l) => l.split(': ')[1]);
    expect(paths).toEqual([
      'aws.roles[0].policies[0].Statement[0].Condtion',
      'aws.roles[0].managedPolicies[0].document.Statement[0].Effect',
      'aws.roles[0].permissionsBoundary.Statement[0].Resource',
      'aws.secrets[0].resourcePolicy.Statement[0].Principal',
      'cases[0].assume.policy.Statement[0].Condition.ForAnyValue:StringLikee',
    ]);
    expect(lines[0]).toContain('did you mean "Condition"?');
    expect(lines[4]).toContain('did you mean "ForAnyValue:StringLike"?');
  });

  test('valid but odd policies load: a key of another provider, a Deny without conditions, a case testing a malformed session policy', () => {
    const file = dir.write(
      'odd.scenario.yaml',
      scenario(
        `            Condition: { StringLike: { "token.actions.githubusercontent.com:sub": "repo:*" }, NumericLessThan: { "aws:MultiFactorAuthAge": "not-a-number" } }\n` +
          `      policies: [{ Version: "2012-10-17", Statement: [${ALLOW_READ}, { Effect: Deny, Action: "*", Resource: "*" }] }]\n`,
        '',
        `{ role: reader, policy: { Version: "2012-10-17", Statement: [{ Effect: Maybe, Action: "*", Resource: "*" }] } }`,
        'MalformedPolicyDocument',
      ).replace('      reads: { db: allowed }\n', '').replace('    reads: [db]\n', ''),
    );
    expect(loadScenarioFile(file, { cwd: dir.root }).aws.roles[0]!.policies).toHaveLength(1);
  });
});

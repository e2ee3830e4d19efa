import { expect, test } from '@playwright/test';
import { loadScenarioFile, loadScenarios } from '../../harness/scenario/index.js';
import { MINIMAL, ScenarioDir, errorLines } from './scenario-dir.js';

let dir: ScenarioDir;
test.beforeEach(() => {
  dir = new ScenarioDir();
});
test.afterEach(() => dir.remove());

/** Loads `text` as x.scenario.yaml (names in messages are relative to the temp dir) and returns the error lines. */
function linesFor(code: Parameters<typeof errorLines>[0], text: string): string[] {
  const file = dir.write('x.scenario.yaml', text);
  return errorLines(code, () => loadScenarioFile(file, { cwd: dir.root }));
}

test('YAML syntax errors give the line and column', () => {
  const lines = linesFor('SCENARIO_YAML', 'id: x\ntitle: t\nidp:\n  profile: gitpod\n  issuer: a\n bad: 1\n');
  expect(lines).toEqual(['x.scenario.yaml: line 6, column 1: All mapping items must start at the same column']);
});

test('a duplicated YAML key is a syntax error with its line', () => {
  const lines = linesFor('SCENARIO_YAML', MINIMAL.replace('title: Minimal', 'title: Minimal\ntitle: Again'));
  expect(lines[0]).toMatch(/^x\.scenario\.yaml: line 3, column 1: /);
});

test('a wrong type names the path inside the file', () => {
  const lines = linesFor('SCENARIO_INVALID', MINIMAL.replace('assume: { role: reader }', 'assume: { role: reader, durationSeconds: soon }'));
  expect(lines).toEqual([expect.stringMatching(/^x\.scenario\.yaml: cases\[0\]\.assume\.durationSeconds: expected number/)]);
});

test('an account id written as a number asks for quotes', () => {
  const lines = linesFor('SCENARIO_INVALID', MINIMAL.replace('aws:\n', 'aws:\n  accountId: 123456789012\n'));
  expect(lines[0]).toMatch(/^x\.scenario\.yaml: aws\.accountId: .*quoted/);
});

test('unknown keys are errors, with the nearest known key suggested', () => {
  const lines = linesFor('SCENARIO_INVALID', MINIMAL.replace('trustPolicy:', 'trustPolicys:').replace('reads: [db]', 'read: [db]'));
  expect(lines).toContain('x.scenario.yaml: aws.roles[0].trustPolicys: unknown key; did you mean "trustPolicy"?');
  expect(lines).toContain('x.scenario.yaml: cases[0].read: unknown key; did you mean "reads"?');
});

test('a missing required key is reported as required', () => {
  const lines = linesFor('SCENARIO_INVALID', MINIMAL.replace('  issuer: https://api.gitpod.io/idp\n', ''));
  expect(lines).toEqual([expect.stringMatching(/^x\.scenario\.yaml: idp\.issuer: is required/)]);
});

test('an unknown profile lists the valid ones', () => {
  const lines = linesFor('SCENARIO_INVALID', MINIMAL.replace('profile: gitpod', 'profile: gitpd'));
  expect(lines).toEqual([
    'x.scenario.yaml: idp.profile: unknown profile "gitpd"; valid: gitpod, gitpod-flex, github-actions, gitlab, generic',
  ]);
});

test('an unknown tamper kind or IdP fault is refused', () => {
  const text = MINIMAL.replace('assume: { role: reader }', 'assume: { role: reader }\n    token: { tamper: sig }\n    idp: { faults: [jwks-501] }');
  const lines = linesFor('SCENARIO_INVALID', text);
  expect(lines.some((l) => l.startsWith('x.scenario.yaml: cases[0].token.tamper: unknown tamper kind "sig"'))).toBe(true);
  expect(lines.some((l) => l.startsWith('x.scenario.yaml: cases[0].idp.faults[0]: unknown IdP fault "jwks-501"'))).toBe(true);
});

test('a case naming an undefined role is an error; a full role ARN is accepted', () => {
  const lines = linesFor('SCENARIO_INVALID', MINIMAL.replace('role: reader }', 'role: raeder }'));
  expect(lines).toEqual(['x.scenario.yaml: cases[0].assume.role: unknown role "raeder"; did you mean "reader"?']);
  const arn = MINIMAL.replace('role: reader }', 'role: "arn:aws:iam::999999999999:role/elsewhere" }');
  expect(loadScenarioFile(dir.write('ok.scenario.yaml', arn)).cases[0]!.assume.role).toBe('arn:aws:iam::999999999999:role/elsewhere');
});

test('undefined secrets in reads and in expect.reads are errors', () => {
  const lines = linesFor('SCENARIO_INVALID', MINIMAL.replace('reads: [db]', 'reads: [db, payments]').replace('reads: { db: allowed }', 'reads: { db: allowed, dbx: allowed }'));
  expect(lines).toEqual([
    'x.scenario.yaml: cases[0].reads[1]: unknown secret "payments"; defined secrets: db',
    'x.scenario.yaml: cases[0].expect.reads.dbx: unknown secret "dbx"; did you mean "db"?',
  ]);
});

test('expect.reads naming a secret the case does not read is an error', () => {
  const text = MINIMAL.replace('value: canary-value', 'value: canary-value\n    - name: other\n      value: v').replace('reads: { db: allowed }', 'reads: { db: allowed, other: allowed }');
  expect(linesFor('SCENARIO_INVALID', text)).toEqual(['x.scenario.yaml: cases[0].expect.reads.other: "other" is not in this case\'s reads']);
});

test('expectations must be allowed or a known code of that service, with the nearest suggested', () => {
  const text = MINIMAL.replace('assume: allowed', 'assume: AccesDenied').replace('reads: { db: allowed }', 'reads: { db: AccessDenied }');
  expect(linesFor('SCENARIO_INVALID', text)).toEqual([
    `x.scenario.yaml: cases[0].expect.assume: "AccesDenied" is neither 'allowed' nor a known STS error code; did you mean "AccessDenied"?`,
    `x.scenario.yaml: cases[0].expect.reads.db: "AccessDenied" is neither 'allowed' nor a known Secrets Manager error code; did you mean "AccessDeniedException"?`,
  ]);
});

test('every known code is accepted where it belongs', () => {
  for (const code of ['InvalidIdentityToken', 'IDPRejectedClaim', 'PackedPolicyTooLarge', 'RegionDisabledException']) {
    const s = loadScenarioFile(dir.write(`${code}.scenario.yaml`, MINIMAL.replace('assume: allowed', `assume: ${code}`)));
    expect(s.cases[0]!.expect.assume).toBe(code);
  }
  for (const code of ['ResourceNotFoundException', 'DecryptionFailure', 'InvalidSignatureException']) {
    const s = loadScenarioFile(dir.write(`${code}.scenario.yaml`, MINIMAL.replace('reads: { db: allowed }', `reads: { db: ${code} }`)));
    expect(s.cases[0]!.expect.reads.db).toBe(code);
  }
});

test('duplicate case, role and secret names are errors', () => {
  const text = MINIMAL.replace('    - name: db\n      value: canary-value\n', '    - name: db\n      value: a\n    - name: db\n      value: b\n')
    .replace('cases:\n', 'cases:\n  - name: reads\n    assume: { role: reader }\n    expect: { assume: allowed }\n')
    .replace('  roles:\n', '  roles:\n    - { name: reader, trustPolicy: {} }\n');
  expect(linesFor('SCENARIO_INVALID', text)).toEqual([
    'x.scenario.yaml: aws.roles[1].name: duplicate role name "reader" (also aws.roles[0].name)',
    'x.scenario.yaml: aws.secrets[1].name: duplicate secret name "db" (also aws.secrets[0].name)',
    'x.scenario.yaml: cases[1].name: duplicate case name "reads" (also cases[0].name)',
  ]);
});

test('duplicate scenario ids across files are SCENARIO_DUPLICATE_ID naming both files', () => {
  dir.write('a.scenario.yaml', MINIMAL);
  dir.write('b.scenario.yaml', MINIMAL);
  const lines = errorLines('SCENARIO_DUPLICATE_ID', () => loadScenarios(['.'], { cwd: dir.root }));
  expect(lines).toEqual(['b.scenario.yaml: id: duplicate scenario id "minimal" (also in a.scenario.yaml)']);
});

test('all problems of a file are reported, one per line', () => {
  const text = MINIMAL.replace('role: reader }', 'role: nobody }').replace('assume: allowed', 'assume: Nope').replace('reads: [db]', 'reads: [nothing]');
  expect(linesFor('SCENARIO_INVALID', text)).toHaveLength(4);
});

test('a policy file that is missing or not JSON is POLICY_FILE naming the scenario file, the path and the policy file', () => {
  const missing = linesFor('POLICY_FILE', MINIMAL.replace(/trustPolicy:\n(.*\n){5}/, 'trustPolicy: ./trust.json\n'));
  expect(missing).toEqual(['x.scenario.yaml: aws.roles[0].trustPolicy: cannot read policy file ./trust.json (ENOENT)']);
  dir.write('bad.json', '{ "Version": ');
  const bad = linesFor('POLICY_FILE', MINIMAL.replace(/trustPolicy:\n(.*\n){5}/, 'trustPolicy: ./bad.json\n'));
  expect(bad[0]).toMatch(/^x\.scenario\.yaml: aws\.roles\[0\]\.trustPolicy: policy file \.\/bad\.json is not valid JSON/);
  dir.write('list.json', '[]');
  const notObject = linesFor('POLICY_FILE', MINIMAL.replace(/trustPolicy:\n(.*\n){5}/, 'trustPolicy: ./list.json\n'));
  expect(notObject).toEqual(['x.scenario.yaml: aws.roles[0].trustPolicy: policy file ./list.json does not hold a JSON object']);
});

test('${ProviderArn} without any provider is an error', () => {
  const lines = linesFor('SCENARIO_INVALID', MINIMAL.replace('aws:\n', 'aws:\n  providers: []\n'));
  expect(lines).toEqual(['x.scenario.yaml: aws.roles[0].trustPolicy: ${ProviderArn} is used but aws.providers is empty']);
});

test('an empty file names the place (top level) and what a scenario must contain', () => {
  const lines = linesFor('SCENARIO_INVALID', '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^x\.scenario\.yaml: \(top level\): /);
  expect(lines[0]).toContain('cases');
});

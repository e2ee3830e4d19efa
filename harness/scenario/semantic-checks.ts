/**
 * Checks the schema cannot express: names that must be unique, references between sections, and
 * expectations that must be 'allowed' or a known AWS error code. Returns every problem found.
 */
import { SECRETS_MANAGER_ERROR_CODES, STS_ERROR_CODES, checkOutcome, nearest } from './known-codes.js';
import { formatPath, type ScenarioProblem } from './problems.js';
import type { ScenarioFile } from './schema.js';

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/;

function duplicates(names: readonly string[], at: (i: number) => string, what: string): ScenarioProblem[] {
  const seen = new Map<string, number>();
  const problems: ScenarioProblem[] = [];
  names.forEach((name, i) => {
    const first = seen.get(name);
    if (first === undefined) seen.set(name, i);
    else problems.push({ path: at(i), message: `duplicate ${what} ${JSON.stringify(name)} (also ${at(first)})` });
  });
  return problems;
}

function unknownName(name: string, known: readonly string[], what: string): string {
  const hint = nearest(name, known);
  const listed = known.length ? `defined ${what}s: ${known.join(', ')}` : `no ${what}s are defined`;
  return `unknown ${what} ${JSON.stringify(name)}; ${hint ? `did you mean ${JSON.stringify(hint)}?` : listed}`;
}

export function checkScenarioSemantics(file: ScenarioFile): ScenarioProblem[] {
  const roles = (file.aws?.roles ?? []).map((r) => r.name);
  const secrets = (file.aws?.secrets ?? []).map((s) => s.name);
  const cases = file.cases ?? [];
  const problems: ScenarioProblem[] = [
    ...duplicates(roles, (i) => `aws.roles[${i}].name`, 'role name'),
    ...duplicates(secrets, (i) => `aws.secrets[${i}].name`, 'secret name'),
    ...duplicates(cases.map((c) => c.name), (i) => `cases[${i}].name`, 'case name'),
  ];
  const managed = (file.aws?.roles ?? []).flatMap((r, i) =>
    (r.managedPolicies ?? []).map((m, j) => ({ name: m.name, path: `aws.roles[${i}].managedPolicies[${j}].name` })),
  );
  problems.push(...duplicates(managed.map((m) => m.name), (i) => managed[i]!.path, 'managed policy name'));

  cases.forEach((c, i) => {
    const at = (...rest: PropertyKey[]) => formatPath(['cases', i, ...rest]);
    if (!roles.includes(c.assume.role) && !ROLE_ARN.test(c.assume.role)) {
      problems.push({ path: at('assume', 'role'), message: unknownName(c.assume.role, roles, 'role') });
    }
    const reads = c.reads ?? [];
    reads.forEach((name, j) => {
      if (!secrets.includes(name)) problems.push({ path: at('reads', j), message: unknownName(name, secrets, 'secret') });
    });
    const assumeProblem = checkOutcome(c.expect.assume, STS_ERROR_CODES, 'STS');
    if (assumeProblem) problems.push({ path: at('expect', 'assume'), message: assumeProblem });
    for (const [name, outcome] of Object.entries(c.expect.reads ?? {})) {
      if (!secrets.includes(name)) {
        problems.push({ path: at('expect', 'reads', name), message: unknownName(name, secrets, 'secret') });
      } else if (!reads.includes(name)) {
        problems.push({ path: at('expect', 'reads', name), message: `${JSON.stringify(name)} is not in this case's reads` });
      }
      const readProblem = checkOutcome(outcome, SECRETS_MANAGER_ERROR_CODES, 'Secrets Manager');
      if (readProblem) problems.push({ path: at('expect', 'reads', name), message: readProblem });
    }
  });
  return problems;
}

/**
 * `aws-oidc-harness import`: policies from where integrators keep them -> scenarios (one per account)
 * with generated cases, or a drift check of a committed scenario against them.
 */
import path from 'node:path';
import { HarnessError } from '../errors.js';
import type { Scenario } from '../scenario/model.js';
import { assemble } from './assemble.js';
import { findDrift, type Drift } from './drift.js';
import { generateCases, readableSecrets } from './generate-cases.js';
import { DEFAULT_IMPORT_ACCOUNT, type ImportedAccount, type ImportNote, type ImportOptions } from './model.js';
import { readSources } from './read-sources.js';
import { toScenarioModel, UNREADABLE_SECRET } from './scenario-model.js';
import { writeScenarioYaml } from './write-scenario.js';

export { formatDrift, type Drift } from './drift.js';
export type { ImportOptions, ImportNote } from './model.js';

export interface ImportResult {
  accounts: ImportedAccount[];
  notes: ImportNote[];
}

export async function importAccounts(paths: readonly string[], options: ImportOptions): Promise<ImportResult> {
  const sources = await readSources(paths, { ...options, accountId: options.accountId ?? DEFAULT_IMPORT_ACCOUNT, region: options.region ?? 'us-east-1' });
  const fatal = sources.notes.filter((n) => n.fatal);
  if (fatal.length > 0) {
    throw new HarnessError('IMPORT_UNRESOLVED', fatal.map((n) => `${n.from.file}: ${n.from.place}: ${n.message}`).join('\n'));
  }
  const accounts = assemble(sources, options);
  if (accounts.length === 0) {
    throw new HarnessError('IMPORT_INPUT', `${paths.join(', ')}: no IAM role found (supported: aws_iam_role, AWS::IAM::Role, aws iam get-role / get-account-authorization-details)`);
  }
  return { accounts, notes: sources.notes };
}

export interface ImportedScenario {
  accountId: string;
  yaml: string;
  scenario: Scenario;
}

/** `name` (e.g. the --out file's base name) makes the id; else the first source's name. */
export function scenarioFor(account: ImportedAccount, sources: readonly string[], name?: string): ImportedScenario {
  const base = (name ?? path.basename(sources[0] ?? 'imported').replace(/\.[^.]*$/, '')).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const id = `${base || 'imported'}-${account.accountId}`;
  let scenario = toScenarioModel(account, id);
  const needsUnreadable = scenario.aws.roles.some((r) => ![...readableSecrets(scenario, r).values()].includes(false));
  if (needsUnreadable) scenario = toScenarioModel(account, id, [UNREADABLE_SECRET]);
  scenario.title = `Policies imported from ${sources.join(', ')} (account ${account.accountId})`;
  const cases = generateCases(scenario);
  return { accountId: account.accountId, scenario, yaml: writeScenarioYaml({ scenario, account, cases, sources: [...sources] }) };
}

export function checkDrift(scenario: Scenario, accounts: readonly ImportedAccount[]): Drift[] {
  return findDrift(scenario, accounts.filter((a) => a.accountId === scenario.aws.accountId).length ? accounts.filter((a) => a.accountId === scenario.aws.accountId) : accounts);
}

/**
 * `aws-oidc-harness import SOURCE... [--out FILE] [--check FILE] [--var NAME=VALUE]... [--parameter NAME=VALUE]...
 * [--account-id ID]`: write a scenario per account from Terraform (plan JSON or .tf), CloudFormation or IAM CLI
 * JSON, or (--check) exit 1 when a committed scenario's policies drifted from those sources.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { checkDrift, formatDrift, importAccounts, scenarioFor } from '../../import/index.js';
import { loadScenarioFile } from '../../scenario/load.js';
import { EXIT_FAILED, EXIT_OK } from '../exit.js';
import { collect, usageError } from '../options.js';

interface ImportCliOptions {
  out?: string;
  check?: string;
  var: string[];
  parameter: string[];
  accountId?: string;
}

function pairs(list: readonly string[], flag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of list) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw usageError(`${flag} ${JSON.stringify(item)}: expected NAME=VALUE`);
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

/** `out.scenario.yaml` for one account; `out-<account>.scenario.yaml` for each of several. */
function outFile(out: string, accountId: string, several: boolean): string {
  if (!several) return out;
  const m = /^(.*?)(\.scenario\.ya?ml|\.ya?ml)?$/.exec(out)!;
  return `${m[1]}-${accountId}${m[2] ?? '.scenario.yaml'}`;
}

export function registerImport(program: Command, setExit: (code: number) => void): void {
  program
    .command('import')
    .description('write a scenario from Terraform (plan JSON or .tf), CloudFormation or IAM CLI JSON; --check: exit 1 on drift')
    .argument('<sources...>', 'a folder of .tf files, plan JSON, CloudFormation template (JSON/YAML, cdk.out), IAM CLI JSON')
    .option('--out <file>', 'write the scenario here (default: standard output)')
    .option('--check <file>', 'compare this scenario with the sources; exit 1 when a policy drifted')
    .option('--var <name=value>', 'a Terraform variable (repeatable)', collect, [])
    .option('--parameter <name=value>', 'a CloudFormation parameter (repeatable)', collect, [])
    .option('--account-id <id>', 'the account, where the sources do not state it (default 123456789012)')
    .action(async (sources: string[], options: ImportCliOptions) => {
      if (options.accountId !== undefined && !/^\d{12}$/.test(options.accountId)) throw usageError(`--account-id ${JSON.stringify(options.accountId)}: expected 12 digits`);
      const { accounts, notes } = await importAccounts(sources, {
        vars: pairs(options.var, '--var'),
        parameters: pairs(options.parameter, '--parameter'),
        ...(options.accountId ? { accountId: options.accountId } : {}),
      });
      for (const n of notes) process.stderr.write(`note: ${n.from.file}: ${n.from.place}: ${n.message}\n`);
      if (options.check) {
        const scenario = loadScenarioFile(options.check);
        const drifts = checkDrift(scenario, accounts);
        for (const d of drifts) process.stdout.write(`drift: ${formatDrift(d)}\n`);
        if (drifts.length === 0) process.stdout.write(`${options.check}: in sync with ${sources.join(', ')} (${scenario.aws.roles.length} roles)\n`);
        setExit(drifts.length > 0 ? EXIT_FAILED : EXIT_OK);
        return;
      }
      for (const account of accounts) {
        const name = options.out ? path.basename(options.out).replace(/(\.scenario)?\.ya?ml$/, '') : undefined;
        const written = scenarioFor(account, sources, name);
        const admitted = written.yaml.match(/REVIEW: this near miss is ADMITTED/g)?.length ?? 0;
        if (admitted > 0) process.stderr.write(`warning: account ${account.accountId}: ${admitted} near-miss identities are admitted by a trust policy; see the REVIEW comments\n`);
        if (!options.out) {
          process.stdout.write(written.yaml);
          continue;
        }
        const file = outFile(options.out, account.accountId, accounts.length > 1);
        writeFileSync(file, written.yaml);
        process.stderr.write(`wrote ${file}: ${written.scenario.aws.roles.length} roles, ${written.yaml.match(/^ {2}- name:/gm)?.length ?? 0} cases to review\n`);
      }
      setExit(EXIT_OK);
    });
}

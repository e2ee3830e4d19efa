/**
 * `aws-oidc-harness idp login aws`: does what `gp idp login aws` does, against the running environment:
 * mint a token, `aws sts assume-role-with-web-identity`, then `aws configure set` the profile's credentials.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { HarnessError } from '../../errors.js';
import { systemClock } from '../../clock.js';
import { defaultSessionName } from '../../runner/session-name.js';
import { readEnvFile, type UpEnvironment } from '../env-file.js';
import { requestToken } from '../token-service.js';
import { parseCliJson, runAwsCli } from '../aws-cli.js';
import { EXIT_OK } from '../exit.js';
import { addEnvFileOptions, collect, envFileOf, type EnvFileOptions } from '../options.js';
import { parseClaims } from './token.js';

interface LoginOptions extends EnvFileOptions {
  roleArn: string;
  profile: string;
  durationSeconds: string;
  audience: string;
  awsCli: string;
  sub?: string;
  claim: string[];
}

interface AssumeOutput {
  Credentials?: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string };
}

export function registerIdp(program: Command, setExit: (code: number) => void): void {
  const idp = program.command('idp').description('identity provider helpers, like `gp idp`');
  const login = idp.command('login').description('log in to a cloud provider with an IdP token');
  addEnvFileOptions(
    login
      .command('aws')
      .description('assume an AWS role with a token from the mock IdP and store the credentials, region and endpoint in a profile')
      .requiredOption('--role-arn <arn>', 'the role to assume: an ARN, or a role name of the running environment\'s account')
      .option('--profile <name>', 'the AWS CLI profile to write', 'default')
      .option('--duration-seconds <n>', 'session duration', '3600')
      .option('--audience <aud>', 'the token audience', 'sts.amazonaws.com'),
    'the env file written by up',
  )
    .option('--aws-cli <path>', 'the AWS CLI executable', 'aws')
    .option('--sub <sub>', 'harness extension: log in as another workspace (the subject claim)')
    .option('--claim <key=value>', 'harness extension: another claim (repeatable)', collect, [])
    .action(async (options: LoginOptions) => {
      await loginAws(options);
      setExit(EXIT_OK);
    });
}

async function loginAws(options: LoginOptions): Promise<void> {
  const env = readEnvFile(envFileOf(options));
  const roleArn = roleArnOf(options.roleArn, env);
  const minted = await requestToken(env.HARNESS_TOKEN_URL, env.HARNESS_TOKEN_SECRET, {
    audience: [options.audience],
    sub: options.sub,
    claims: parseClaims(options.claim),
  });
  const cliEnv: NodeJS.ProcessEnv = {
    ...process.env,
    AWS_ENDPOINT_URL: env.AWS_ENDPOINT_URL,
    AWS_REGION: env.AWS_REGION,
    AWS_DEFAULT_REGION: env.AWS_DEFAULT_REGION,
  };
  // The token goes to the CLI through a private file (file://), not the command line other users can read.
  const dir = mkdtempSync(path.join(tmpdir(), 'harness-login-'));
  const tokenFile = path.join(dir, 'token');
  writeFileSync(tokenFile, minted.token, { mode: 0o600 });
  try {
    const args = ['sts', 'assume-role-with-web-identity', '--role-arn', roleArn,
      '--role-session-name', defaultSessionName(minted.claims, systemClock),
      '--web-identity-token', `file://${tokenFile}`, '--duration-seconds', options.durationSeconds];
    const result = await runAwsCli(args, cliEnv, options.awsCli);
    if (result.code !== 0) {
      throw new HarnessError('AWS_CLI_FAILED', `aws sts assume-role-with-web-identity failed: ${result.stderr.trim()}`);
    }
    const credentials = parseCliJson<AssumeOutput>(result, 'sts assume-role-with-web-identity').Credentials;
    if (!credentials?.AccessKeyId || !credentials.SecretAccessKey || !credentials.SessionToken) {
      throw new HarnessError('AWS_CLI_FAILED', 'aws sts assume-role-with-web-identity printed no credentials');
    }
    // region and endpoint_url too, so that `aws ... --profile P` reaches the gate with nothing else set
    const settings: [string, string][] = [
      ['aws_access_key_id', credentials.AccessKeyId],
      ['aws_secret_access_key', credentials.SecretAccessKey],
      ['aws_session_token', credentials.SessionToken],
      ['region', env.AWS_REGION],
      ['endpoint_url', env.AWS_ENDPOINT_URL],
    ];
    for (const [key, value] of settings) {
      const set = await runAwsCli(['configure', 'set', key, value, '--profile', options.profile], cliEnv, options.awsCli);
      if (set.code !== 0) throw new HarnessError('AWS_CLI_FAILED', `aws configure set ${key} failed: ${set.stderr.trim()}`);
    }
    process.stderr.write(`credentials for ${roleArn} written to profile ${options.profile} (region ${env.AWS_REGION}, endpoint ${env.AWS_ENDPOINT_URL})\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Scenarios name roles by name or ARN; so does `--role-arn`: a name is the role of that name in up's account. */
export function roleArnOf(nameOrArn: string, env: Pick<UpEnvironment, 'HARNESS_ACCOUNT_ID'>): string {
  if (nameOrArn.startsWith('arn:')) return nameOrArn;
  if (!/^[\w+=,.@-]{1,64}$/.test(nameOrArn)) {
    throw new HarnessError('USAGE', `--role-arn ${nameOrArn}: neither an ARN (arn:aws:iam::ACCOUNT:role/NAME) nor a role name`);
  }
  if (!env.HARNESS_ACCOUNT_ID) {
    throw new HarnessError('ENV_FILE_MISSING', `--role-arn ${nameOrArn}: the env file names no account (written by an older up): give the role's ARN`);
  }
  return `arn:aws:iam::${env.HARNESS_ACCOUNT_ID}:role/${nameOrArn}`;
}

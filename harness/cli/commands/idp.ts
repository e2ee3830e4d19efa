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
import { DEFAULT_ENV_FILE, readEnvFile } from '../env-file.js';
import { requestToken } from '../token-service.js';
import { parseCliJson, runAwsCli } from '../aws-cli.js';
import { EXIT_OK } from '../exit.js';
import { collect } from '../options.js';
import { parseClaims } from './token.js';

interface LoginOptions {
  roleArn: string;
  profile: string;
  durationSeconds: string;
  audience: string;
  envFile: string;
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
  login
    .command('aws')
    .description('assume an AWS role with a token from the mock IdP and store the credentials in a profile')
    .requiredOption('--role-arn <arn>', 'the role to assume')
    .option('--profile <name>', 'the AWS CLI profile to write', 'default')
    .option('--duration-seconds <n>', 'session duration', '3600')
    .option('--audience <aud>', 'the token audience', 'sts.amazonaws.com')
    .option('--env-file <path>', 'the env file written by up', DEFAULT_ENV_FILE)
    .option('--aws-cli <path>', 'the AWS CLI executable', 'aws')
    .option('--sub <sub>', 'harness extension: log in as another workspace (the subject claim)')
    .option('--claim <key=value>', 'harness extension: another claim (repeatable)', collect, [])
    .action(async (options: LoginOptions) => {
      await loginAws(options);
      setExit(EXIT_OK);
    });
}

async function loginAws(options: LoginOptions): Promise<void> {
  const env = readEnvFile(options.envFile);
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
    const args = ['sts', 'assume-role-with-web-identity', '--role-arn', options.roleArn,
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
    const settings: [string, string][] = [
      ['aws_access_key_id', credentials.AccessKeyId],
      ['aws_secret_access_key', credentials.SecretAccessKey],
      ['aws_session_token', credentials.SessionToken],
    ];
    for (const [key, value] of settings) {
      const set = await runAwsCli(['configure', 'set', key, value, '--profile', options.profile], cliEnv, options.awsCli);
      if (set.code !== 0) throw new HarnessError('AWS_CLI_FAILED', `aws configure set ${key} failed: ${set.stderr.trim()}`);
    }
    process.stderr.write(`credentials for ${options.roleArn} written to profile ${options.profile}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The seed's two AWS CLI commands, run as a user runs them; outputs parsed without ever being printed. */
import { aws, runHarness, type Ran } from './run-process.js';

export interface SessionCredentials {
  AWS_ACCESS_KEY_ID: string;
  AWS_SECRET_ACCESS_KEY: string;
  AWS_SESSION_TOKEN: string;
}

/** `aws-oidc-harness token ...`: the raw token (kept out of test output) */
export async function mintToken(env: NodeJS.ProcessEnv, envFile: string, args: readonly string[]): Promise<string> {
  const ran = await runHarness(['token', '--env-file', envFile, ...args], env);
  if (ran.code !== 0) throw new Error(`token failed (${ran.code}): ${ran.stderr}`);
  return ran.stdout.trim();
}

export async function assumeWithCli(
  env: NodeJS.ProcessEnv,
  roleArn: string,
  token: string,
  sessionName = 'ws-1',
): Promise<{ ran: Ran; credentials?: SessionCredentials }> {
  const ran = await aws(
    ['sts', 'assume-role-with-web-identity', '--role-arn', roleArn, '--role-session-name', sessionName, '--web-identity-token', token, '--output', 'json'],
    env,
  );
  if (ran.code !== 0) return { ran: { ...ran, stdout: '' } };
  const c = (JSON.parse(ran.stdout) as { Credentials?: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string } }).Credentials;
  const credentials = c && { AWS_ACCESS_KEY_ID: c.AccessKeyId, AWS_SECRET_ACCESS_KEY: c.SecretAccessKey, AWS_SESSION_TOKEN: c.SessionToken };
  return { ran: { ...ran, stdout: '<credentials>' }, credentials };
}

/** `aws secretsmanager get-secret-value`, asking only for the secret's name so that its value is never printed */
export function getSecretName(env: NodeJS.ProcessEnv, secretId: string, extraArgs: readonly string[] = []): Promise<Ran> {
  return aws(['secretsmanager', 'get-secret-value', '--secret-id', secretId, '--query', 'Name', '--output', 'text', ...extraArgs], env);
}

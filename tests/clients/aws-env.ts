/** Environments for the real AWS CLI and SDKs that cannot see the developer's own AWS setup. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../cli/cli-helpers.js';

/** the parent environment without any AWS_* variable (credentials, profile, region, endpoint, ...) */
export function withoutAwsVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith('AWS_')));
}

export interface IsolatedAws {
  home: string;
  /** HOME, AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE in a fresh temp dir; no credentials of any kind */
  env: NodeJS.ProcessEnv;
}

export function isolatedAws(): IsolatedAws {
  const home = tempDir('harness-home-');
  mkdirSync(path.join(home, '.aws'));
  return {
    home,
    env: {
      ...withoutAwsVariables(process.env),
      HOME: home,
      AWS_CONFIG_FILE: path.join(home, '.aws', 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(home, '.aws', 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
    },
  };
}

/** what a user gets with `set -a; . .harness/env; set +a` */
export function sourced(base: NodeJS.ProcessEnv, envFileValues: Record<string, string>): NodeJS.ProcessEnv {
  return { ...base, ...envFileValues };
}

/** the variables that point a client at the environment, without the administrator's credentials */
export function endpointOnly(envFileValues: Record<string, string>): Record<string, string> {
  const { AWS_ENDPOINT_URL = '', AWS_REGION = '', AWS_DEFAULT_REGION = '' } = envFileValues;
  return { AWS_ENDPOINT_URL, AWS_REGION, AWS_DEFAULT_REGION };
}

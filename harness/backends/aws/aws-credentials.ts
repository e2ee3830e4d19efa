/** Credentials and settings for real AWS: the environment first, then `.env` (never written back). */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'dotenv';
import { HarnessError } from '../../errors.js';
import type { AwsCredentials } from '../types.js';

export interface AwsSettings {
  credentials: AwsCredentials;
  region: string;
  allowedAccountIds: string[];
}

export function readAwsSettings(env: NodeJS.ProcessEnv, envFile: string, region?: string): AwsSettings {
  const fromFile = existsSync(envFile) ? parse(readFileSync(envFile)) : {};
  const get = (name: string) => env[name] || fromFile[name] || undefined;
  const accessKeyId = get('AWS_ACCESS_KEY_ID');
  const secretAccessKey = get('AWS_SECRET_ACCESS_KEY');
  if (!accessKeyId || !secretAccessKey) {
    throw new HarnessError(
      'AWS_CREDENTIALS_MISSING',
      `--target aws needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials) in the environment or ${envFile}`,
    );
  }
  const sessionToken = get('AWS_SESSION_TOKEN');
  return {
    credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) },
    region: region ?? get('AWS_REGION') ?? get('AWS_DEFAULT_REGION') ?? 'us-east-1',
    allowedAccountIds: (get('AWS_ALLOWED_ACCOUNT_IDS') ?? '').split(/[\s,]+/).filter(Boolean),
  };
}

/** `aws-oidc-harness token`: print one token from the running mock IdP (like `gp idp token`). */
import type { Command } from 'commander';
import { readEnvFile } from '../env-file.js';
import { requestToken } from '../token-service.js';
import { addEnvFileOptions, collect, envFileOf, usageError, type EnvFileOptions } from '../options.js';
import { EXIT_OK } from '../exit.js';

interface TokenOptions extends EnvFileOptions {
  audience: string[];
  sub?: string;
  claim: string[];
  decode?: boolean;
}

export function registerToken(program: Command, setExit: (code: number) => void): void {
  addEnvFileOptions(
    program.command('token').description('print a token minted by the running mock IdP (aws-oidc-harness up)'),
    'the env file written by up',
  )
    .option('--audience <aud>', 'an audience (repeatable)', collect, [])
    .option('--sub <sub>', 'the subject claim')
    .option('--claim <key=value>', 'another claim (repeatable; value parsed as JSON when it parses)', collect, [])
    .option('--decode', 'print the decoded claims instead of the token')
    .action(async (options: TokenOptions) => {
      const env = readEnvFile(envFileOf(options));
      const minted = await requestToken(env.HARNESS_TOKEN_URL, env.HARNESS_TOKEN_SECRET, {
        audience: options.audience,
        sub: options.sub,
        claims: parseClaims(options.claim),
      });
      process.stdout.write(options.decode ? `${JSON.stringify(minted.claims, null, 2)}\n` : `${minted.token}\n`);
      setExit(EXIT_OK);
    });
}

export function parseClaims(pairs: readonly string[]): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw usageError(`--claim ${pair}: expected key=value`);
    const raw = pair.slice(at + 1);
    claims[pair.slice(0, at)] = parseValue(raw);
  }
  return claims;
}

function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/**
 * `aws-oidc-harness up FILE`: backend + mock IdP + gate, provisioned, with an env file for real clients;
 * stays up until SIGINT/SIGTERM, then tears everything down (no process or container left behind).
 */
import type { Command } from 'commander';
import { loadScenarios } from '../../scenario/load.js';
import { startEnvironment, type HarnessEnvironment } from '../../fixtures/environment.js';
import { HarnessError } from '../../errors.js';
import { DEFAULT_ENV_FILE, removeEnvFile, writeEnvFile } from '../env-file.js';
import { newTokenSecret, startTokenService, type TokenService } from '../token-service.js';
import { allowUnmodelledOption, assumptionOption, endpointOption, enforceOption, targetOption, type TargetOptions } from '../options.js';
import { parseAssumptionOverrides } from '../../fixtures/assumption-overrides.js';
import { EXIT_OK } from '../exit.js';

interface UpOptions extends TargetOptions {
  envFile: string;
}

export function registerUp(program: Command, setExit: (code: number) => void): void {
  program
    .command('up')
    .description('start an environment for real clients (AWS CLI, SDKs) and keep it up until Ctrl-C')
    .argument('<file>', 'a scenario file: its aws section is provisioned')
    .addOption(targetOption())
    .addOption(endpointOption())
    .addOption(enforceOption())
    .addOption(assumptionOption())
    .addOption(allowUnmodelledOption())
    .option('--env-file <path>', 'where to write the environment for clients', DEFAULT_ENV_FILE)
    .action(async (file: string, options: UpOptions) => setExit(await up(file, options)));
}

async function up(file: string, options: UpOptions): Promise<number> {
  const [scenario] = loadScenarios([file]);
  if (!scenario) throw new HarnessError('SCENARIO_INVALID', `${file}: no scenario found`);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  let environment: HarnessEnvironment | undefined;
  let tokens: TokenService | undefined;
  let wroteEnvFile = false;
  // every step is attempted even when one fails: a step that throws must not leave moto running
  const teardown = async () => {
    if (wroteEnvFile) removeEnvFile(options.envFile);
    await tokens?.close().catch(() => undefined);
    await environment?.close().catch(() => undefined);
  };
  const signals = listenForSignals();
  // one secret guards both the token service and the mock IdP's /_mock control API
  const secret = newTokenSecret();
  try {
    environment = await startEnvironment(
      { target: options.target, endpoint: options.endpoint, enforce: options.enforce === 'on', allowUnmodelled: options.allowUnmodelled === true },
      { log, idpControlSecret: secret },
    );
    await environment.prepare(scenario);
    tokens = await startTokenService(environment.idp, scenario, secret);
    const credentials = environment.backend.credentials();
    writeEnvFile(options.envFile, {
      AWS_ENDPOINT_URL: environment.endpoint,
      AWS_REGION: scenario.aws.region,
      AWS_DEFAULT_REGION: scenario.aws.region,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      HARNESS_TOKEN_URL: tokens.url,
      HARNESS_TOKEN_SECRET: tokens.secret,
      HARNESS_IDP_ISSUER: scenario.idp.issuer,
      HARNESS_IDP_PROFILE: scenario.idp.profile,
      HARNESS_SCENARIO: scenario.file,
    });
    wroteEnvFile = true;
  } catch (error) {
    signals.dispose();
    await teardown();
    throw error;
  }
  log(`ready: ${environment.describe().label}, enforcement ${environment.enforcement}`);
  log(`  endpoint ${environment.endpoint}`);
  log(`  environment written to ${options.envFile}: \`set -a; . ${options.envFile}; set +a\``);
  log('  press Ctrl-C to stop');
  const signal = await signals.received;
  log(`${signal}: stopping`);
  await teardown();
  return EXIT_OK;
}

/**
 * SIGINT/SIGTERM received while starting are remembered and acted on once the start is over (so nothing
 * half-started survives); `dispose` gives the signals back their default meaning after a failed start.
 */
function listenForSignals(): { received: Promise<NodeJS.Signals>; dispose(): void } {
  let on: (signal: NodeJS.Signals) => void = () => undefined;
  const dispose = () => {
    process.off('SIGINT', on).off('SIGTERM', on);
  };
  const received = new Promise<NodeJS.Signals>((resolve) => {
    on = (signal: NodeJS.Signals) => {
      dispose();
      resolve(signal);
    };
    process.on('SIGINT', on).on('SIGTERM', on);
  });
  return { received, dispose };
}

/**
 * `aws-oidc-harness up FILE`: backend + mock IdP + gate, provisioned, with an env file for real clients;
 * stays up until SIGINT/SIGTERM, then tears everything down (no process or container left behind).
 */
import type { Command } from 'commander';
import { loadScenarios } from '../../scenario/load.js';
import { startEnvironment, type HarnessEnvironment } from '../../fixtures/environment.js';
import { HarnessError } from '../../errors.js';
import { removeEnvFile, writeEnvFile } from '../env-file.js';
import { removeUpState, writeUpState } from '../up-state.js';
import { newTokenSecret, startTokenService, type TokenService } from '../token-service.js';
import {
  addEnvFileOptions,
  allowUnmodelledOption,
  assumptionOption,
  endpointOption,
  enforceOption,
  envFileOf,
  targetOption,
  type EnvFileOptions,
  type TargetOptions,
} from '../options.js';
import { parseAssumptionOverrides } from '../../fixtures/assumption-overrides.js';
import { EXIT_OK } from '../exit.js';
import { onStopRequest, type StopReason } from '../stop-request.js';
import { sdkNodeWarningOnce } from '../sdk-node-warning.js';

interface UpOptions extends TargetOptions, EnvFileOptions {}

export function registerUp(program: Command, setExit: (code: number) => void): void {
  addEnvFileOptions(
    program
      .command('up')
      .description('start an environment for real clients (AWS CLI, SDKs) and keep it up until Ctrl-C; `wait` blocks until it is ready')
      .argument('<file>', 'a scenario file: its aws section is provisioned')
      .addOption(targetOption())
      .addOption(endpointOption())
      .addOption(enforceOption())
      .addOption(assumptionOption())
      .addOption(allowUnmodelledOption()),
    'where to write the environment for clients',
  ).action(async (file: string, options: UpOptions) => setExit(await up(file, options)));
}

async function up(file: string, options: UpOptions): Promise<number> {
  const envFile = envFileOf(options);
  // a file left by an up that was killed (SIGKILL) must not look ready to `wait`
  removeEnvFile(envFile);
  writeUpState(envFile, { state: 'starting', pid: process.pid });
  try {
    return await upUntilSignalled(file, options, envFile);
  } catch (error) {
    writeUpState(envFile, { state: 'failed', pid: process.pid, reason: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

async function upUntilSignalled(file: string, options: UpOptions, envFile: string): Promise<number> {
  const [scenario] = loadScenarios([file]);
  if (!scenario) throw new HarnessError('SCENARIO_INVALID', `${file}: no scenario found`);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const sdkWarning = sdkNodeWarningOnce();
  Object.assign(process.env, sdkWarning.env);
  if (sdkWarning.note) log(sdkWarning.note);
  let environment: HarnessEnvironment | undefined;
  let tokens: TokenService | undefined;
  let wroteEnvFile = false;
  // every step is attempted even when one fails: a step that throws must not leave moto running
  const teardown = async () => {
    if (wroteEnvFile) removeEnvFile(envFile);
    await tokens?.close().catch(() => undefined);
    await environment?.close().catch(() => undefined);
  };
  const signals = listenForSignals();
  // one secret guards both the token service and the mock IdP's /_mock control API
  const secret = newTokenSecret();
  try {
    environment = await startEnvironment(
      {
        target: options.target,
        endpoint: options.endpoint,
        enforce: options.enforce === 'on',
        allowUnmodelled: options.allowUnmodelled === true,
        assumptions: parseAssumptionOverrides(options.assumption),
      },
      { log, idpControlSecret: secret },
    );
    await environment.prepare(scenario);
    tokens = await startTokenService(environment.idp, scenario, secret);
    const credentials = environment.backend.credentials();
    writeEnvFile(envFile, {
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
      HARNESS_ACCOUNT_ID: scenario.aws.accountId,
    });
    wroteEnvFile = true;
    writeUpState(envFile, { state: 'ready', pid: process.pid });
  } catch (error) {
    signals.dispose();
    await teardown();
    throw error;
  }
  log(`ready: ${environment.describe().label}, enforcement ${environment.enforcement}`);
  log(`  endpoint ${environment.endpoint}`);
  log(`  environment written to ${envFile}: \`set -a; . ${envFile}; set +a\``);
  log('  press Ctrl-C to stop');
  const reason = await signals.received;
  log(`${reason === 'parent-exited' ? 'the npx (or npm) process that started up ended' : reason}: stopping`);
  await teardown();
  removeUpState(envFile);
  return EXIT_OK;
}

/**
 * SIGINT/SIGTERM (or the end of npx, see stop-request.ts) received while starting are remembered and acted on
 * once the start is over (so nothing half-started survives); `dispose` gives the signals back their default
 * meaning after a failed start.
 */
function listenForSignals(): { received: Promise<StopReason>; dispose(): void } {
  let dispose: () => void = () => undefined;
  const received = new Promise<StopReason>((resolve) => {
    dispose = onStopRequest((reason) => {
      dispose();
      resolve(reason);
    });
  });
  return { received, dispose };
}

/**
 * Coded errors of the harness. A leaf module: anything may import it, it imports nothing.
 *
 * Programmer misuse throws TypeError; bad input or a failing component throws HarnessError with a stable
 * code. Tests assert on `code`, never on prose. The CLI maps codes to exit statuses (usage/input -> 2).
 */
export type HarnessErrorCode =
  // input the user gave us (exit 2)
  | 'USAGE'
  | 'FILE_NOT_FOUND'
  | 'SCENARIO_YAML'
  | 'SCENARIO_INVALID'
  | 'SCENARIO_DUPLICATE_ID'
  | 'POLICY_FILE'
  | 'IMPORT_INPUT'
  | 'IMPORT_UNRESOLVED'
  // backends
  | 'BACKEND_START_FAILED'
  | 'BACKEND_NOT_READY'
  | 'BACKEND_UNSUPPORTED'
  | 'MOTO_NOT_INSTALLED'
  | 'PYTHON_MISSING'
  | 'DOCKER_UNAVAILABLE'
  | 'LOCALSTACK_AUTH_REQUIRED'
  | 'LOCALSTACK_IMAGE_UNAVAILABLE'
  | 'ENDPOINT_MISSING'
  | 'AWS_ACCOUNT_NOT_ALLOWED'
  | 'AWS_CREDENTIALS_MISSING'
  // identity provider
  | 'IDP_UNKNOWN_ISSUER'
  | 'IDP_UNKNOWN_PROFILE'
  | 'IDP_MINT_FAILED'
  | 'IDP_EMPTY_AUDIENCE'
  /** a /_mock control request without the control secret */
  | 'IDP_CONTROL_UNAUTHORIZED'
  /** a /_mock control request whose body is not a JSON object (or too large) */
  | 'IDP_CONTROL_BAD_REQUEST'
  // provisioning / runner
  | 'PROVISION_FAILED'
  | 'CASE_FAILED_TO_RUN'
  // real clients
  | 'AWS_CLI_MISSING'
  | 'AWS_CLI_FAILED'
  | 'AWS_CLI_OUTPUT_NOT_JSON'
  | 'ENV_FILE_MISSING'
  | 'ENV_FILE_UNWRITABLE'
  | 'UP_NOT_READY'
  // gate
  | 'GATE_START_FAILED'
  // bench
  | 'BENCH_FAILED'
  | 'INTERNAL';

/** Codes that mean "the input is unusable": the CLI exits 2 for these. */
export const INPUT_ERROR_CODES: ReadonlySet<HarnessErrorCode> = new Set<HarnessErrorCode>([
  'USAGE',
  'FILE_NOT_FOUND',
  'SCENARIO_YAML',
  'SCENARIO_INVALID',
  'SCENARIO_DUPLICATE_ID',
  'POLICY_FILE',
  'IMPORT_INPUT',
  'IMPORT_UNRESOLVED',
]);

export class HarnessError extends Error {
  override readonly name = 'HarnessError';
  constructor(
    readonly code: HarnessErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isHarnessError(e: unknown, code?: HarnessErrorCode): e is HarnessError {
  return e instanceof HarnessError && (code === undefined || e.code === code);
}

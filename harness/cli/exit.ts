/** Exit statuses of the contract and how errors map to them. No stack traces for user errors. */
import { HarnessError, INPUT_ERROR_CODES } from '../errors.js';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_INPUT = 2;

export function reportError(error: unknown, write: (text: string) => void = (t) => process.stderr.write(t)): number {
  if (error instanceof HarnessError) {
    write(`aws-oidc-harness: ${error.message}\n`);
    return INPUT_ERROR_CODES.has(error.code) ? EXIT_INPUT : EXIT_FAILED;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  write(`aws-oidc-harness: internal error (please report it): ${message}\n`);
  return EXIT_FAILED;
}

/** `aws-oidc-harness probe`: placeholder registration, wired when harness/probe lands. */
import type { Command } from 'commander';

export function registerProbe(_program: Command, _setExit: (code: number) => void): void {}

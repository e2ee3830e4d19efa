import type { Command } from 'commander';

export function registerIdp(_program: Command, _setExit: (code: number) => void): void {}

import type { Command } from 'commander';

export function registerUp(_program: Command, _setExit: (code: number) => void): void {}

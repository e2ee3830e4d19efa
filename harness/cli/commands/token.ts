import type { Command } from 'commander';

export function registerToken(_program: Command, _setExit: (code: number) => void): void {}

/** A throw-away directory of scenario files for loader tests. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isHarnessError, type HarnessErrorCode } from '../../harness/errors.js';

export class ScenarioDir {
  readonly root = mkdtempSync(path.join(tmpdir(), 'scenario-test-'));

  write(relative: string, text: string): string {
    const file = path.join(this.root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** Runs `fn`, expecting a HarnessError with `code`; returns its message lines. */
export function errorLines(code: HarnessErrorCode, fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (isHarnessError(error, code)) return error.message.split('\n');
    throw error;
  }
  throw new Error(`expected a HarnessError ${code}, got no error`);
}

/** A minimal valid scenario; `extra` is appended to the cases section's single case. */
export const MINIMAL = `id: minimal
title: Minimal
idp:
  profile: gitpod
  issuer: https://api.gitpod.io/idp
aws:
  roles:
    - name: reader
      trustPolicy:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Federated: "\${ProviderArn}" }
            Action: sts:AssumeRoleWithWebIdentity
  secrets:
    - name: db
      value: canary-value
cases:
  - name: reads
    assume: { role: reader }
    reads: [db]
    expect:
      assume: allowed
      reads: { db: allowed }
`;

/**
 * Loading `*.scenario.yaml` files into the `Scenario` model. Every error is a ScenarioError (a
 * HarnessError) whose message names the file (relative to the working directory) and the path inside it.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { HarnessError } from '../errors.js';
import type { Scenario } from './model.js';
import { ScenarioError, displayPath, zodIssuesToProblems } from './problems.js';
import { resolveScenario } from './resolve.js';
import { ScenarioFileSchema } from './schema.js';
import { checkScenarioSemantics } from './semantic-checks.js';
import { checkScenarioPolicies } from './policy-checks.js';

export const SCENARIO_SUFFIX = '.scenario.yaml';

export interface LoadOptions {
  /** what file names in messages are relative to (default: process.cwd()) */
  cwd?: string;
}

function parseYaml(file: string, text: string, cwd?: string): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => {
      const pos = e.linePos?.[0];
      const where = pos ? `line ${pos.line}, column ${pos.col}` : '';
      const what = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return { path: where, message: what };
    });
    throw new ScenarioError('SCENARIO_YAML', file, problems, { cwd });
  }
  return doc.toJS();
}

export function loadScenarioFile(file: string, options: LoadOptions = {}): Scenario {
  const absolute = path.resolve(options.cwd ?? process.cwd(), file);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw new HarnessError('FILE_NOT_FOUND', `${displayPath(absolute, options.cwd)}: ${reason}`, { cause: error });
  }
  const data = parseYaml(absolute, text, options.cwd);
  const parsed = ScenarioFileSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    throw new ScenarioError('SCENARIO_INVALID', absolute, zodIssuesToProblems(ScenarioFileSchema, parsed.error.issues), {
      cwd: options.cwd,
    });
  }
  const semantic = checkScenarioSemantics(parsed.data);
  const { scenario, fileProblems, problems } = resolveScenario(parsed.data, absolute);
  const invalid = [...semantic, ...problems];
  if (invalid.length > 0) {
    throw new ScenarioError('SCENARIO_INVALID', absolute, [...invalid, ...fileProblems], { cwd: options.cwd });
  }
  if (fileProblems.length > 0) throw new ScenarioError('POLICY_FILE', absolute, fileProblems, { cwd: options.cwd });
  const unusable = checkScenarioPolicies(scenario);
  if (unusable.length > 0) throw new ScenarioError('SCENARIO_INVALID', absolute, unusable, { cwd: options.cwd });
  return scenario;
}

function scenarioFilesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(SCENARIO_SUFFIX))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** The scenario files named: files as given, directories searched for every `*.scenario.yaml` below. */
export function findScenarioFiles(filesOrDirs: readonly string[], options: LoadOptions = {}): string[] {
  const cwd = options.cwd ?? process.cwd();
  const files: string[] = [];
  for (const given of filesOrDirs) {
    const absolute = path.resolve(cwd, given);
    let isDir: boolean;
    try {
      isDir = statSync(absolute).isDirectory();
    } catch (error) {
      throw new HarnessError('FILE_NOT_FOUND', `${given}: no such file or directory`, { cause: error });
    }
    if (!isDir) {
      files.push(absolute);
      continue;
    }
    const found = scenarioFilesBelow(absolute);
    if (found.length === 0) throw new HarnessError('FILE_NOT_FOUND', `${given}: no *${SCENARIO_SUFFIX} file in this directory`);
    files.push(...found);
  }
  return [...new Set(files)];
}

export function loadScenarios(filesOrDirs: readonly string[], options: LoadOptions = {}): Scenario[] {
  const scenarios: Scenario[] = [];
  const byId = new Map<string, string>();
  for (const file of findScenarioFiles(filesOrDirs, options)) {
    const scenario = loadScenarioFile(file, options);
    const first = byId.get(scenario.id);
    if (first !== undefined) {
      const message = `duplicate scenario id ${JSON.stringify(scenario.id)} (also in ${displayPath(first, options.cwd)})`;
      throw new ScenarioError('SCENARIO_DUPLICATE_ID', file, [{ path: 'id', message }], { cwd: options.cwd });
    }
    byId.set(scenario.id, file);
    scenarios.push(scenario);
  }
  return scenarios;
}

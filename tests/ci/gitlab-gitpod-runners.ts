/**
 * GitLab CI jobs and Gitpod tasks run on this machine as their runners run them: a fresh checkout, the
 * variables the runner sets, every command of the job (before_script + script) or task (init + command).
 */
import { spawn } from 'node:child_process';
import { parse } from 'yaml';
import { checkout, runShell, type ShellRun } from './workspace.js';

export interface GitlabJob {
  image?: string;
  before_script?: string[];
  script: string[];
  artifacts?: { paths?: string[]; reports?: { junit?: string | string[] } };
}

export function gitlabJob(yamlText: string, name: string): { job: GitlabJob; variables: Record<string, string> } {
  const file = parse(yamlText) as Record<string, unknown> & { variables?: Record<string, string> };
  return { job: file[name] as GitlabJob, variables: file.variables ?? {} };
}

/** Runs the job as a merge-request pipeline would: the commands in one shell that stops at the first failure. */
export async function runGitlabJob(yamlText: string, name: string): Promise<ShellRun & { workspace: string }> {
  const { job, variables } = gitlabJob(yamlText, name);
  const workspace = checkout();
  const env: NodeJS.ProcessEnv = {
    CI: 'true',
    GITLAB_CI: 'true',
    CI_PROJECT_DIR: workspace,
    CI_JOB_NAME: name,
    CI_PIPELINE_SOURCE: 'merge_request_event',
    CI_MERGE_REQUEST_IID: '1',
  };
  for (const [key, value] of Object.entries(variables)) env[key] = value.replace(/\$\{?(\w+)\}?/g, (_m, v: string) => env[v] ?? '');
  let output = '';
  for (const command of [...(job.before_script ?? []), ...job.script]) {
    const result = await runShell(command, workspace, env);
    output += `$ ${command}\n${result.output}`;
    if (result.code !== 0) return { code: result.code, output, workspace };
  }
  return { code: 0, output, workspace };
}

export interface GitpodTask {
  name?: string;
  before?: string;
  init?: string;
  command?: string;
}

export function gitpodTasks(yamlText: string): GitpodTask[] {
  return (parse(yamlText) as { tasks: GitpodTask[] }).tasks;
}

export function gitpodEnv(workspace: string): NodeJS.ProcessEnv {
  return {
    GITPOD_WORKSPACE_ID: 'acme-app-abc123xyz',
    GITPOD_REPO_ROOT: workspace,
    GITPOD_WORKSPACE_URL: 'https://acme-app-abc123xyz.ws-eu01.gitpod.io',
  };
}

export interface Background {
  output: () => string;
  stop: () => Promise<number | null>;
}

/** A long-running task command (its own process group), stopped as closing its terminal would: SIGTERM. */
export function startBackground(script: string, cwd: string, env: NodeJS.ProcessEnv): Background {
  const child = spawn('bash', ['--noprofile', '--norc', '-c', script], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
      return exited;
    },
  };
}

export { checkout };

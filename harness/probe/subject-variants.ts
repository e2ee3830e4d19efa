/**
 * Near-miss values for a subject pattern (sub, repository, job_workflow_ref...): look-alike owners and
 * repositories, case variants, extra path segments, pull-request and branch contexts.
 */
import { concreteBases, NO_CONTEXT } from '../lint/gitpod-contexts.js';

export interface SubjectVariant {
  value: string;
  label: string;
  why: string;
}

interface SubjectParts {
  head: string; // `https://github.com/`, `repo:` or ''
  owner: string;
  repo?: string;
  /** everything after the repository name */
  tail: string;
}

function splitSubject(value: string): SubjectParts {
  const url = /^[a-z][a-z0-9+.-]*:\/\/[^/]+\//i.exec(value);
  const typed = url ? null : /^[a-z_]+:/i.exec(value);
  const head = url?.[0] ?? typed?.[0] ?? '';
  const body = value.slice(head.length);
  const [owner = '', rest = ''] = splitOnce(body, /[/:]/);
  if (!rest.startsWith('/')) return { head, owner, tail: rest };
  const [repo = '', tail = ''] = splitOnce(rest.slice(1), /[/:]/);
  return { head, owner, repo, tail };
}

function splitOnce(text: string, separator: RegExp): [string, string] {
  const i = text.search(separator);
  return i < 0 ? [text, ''] : [text.slice(0, i), text.slice(i)];
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function ownerVariants(p: SubjectParts): SubjectVariant[] {
  if (!p.owner) return [];
  const rebuild = (owner: string): string => p.head + owner + (p.repo !== undefined ? `/${p.repo}` : '') + p.tail;
  const out: SubjectVariant[] = [
    { value: rebuild(`${p.owner}-evil`), label: `look-alike owner "${p.owner}-evil"`, why: `another organisation whose name starts with "${p.owner}"` },
    { value: rebuild(`${p.owner}corp`), label: `look-alike owner "${p.owner}corp"`, why: `another organisation whose name starts with "${p.owner}"` },
    { value: rebuild(`${p.owner}.evil`), label: `look-alike owner "${p.owner}.evil"`, why: 'a dot is no boundary in StringLike' },
  ];
  const cased = capitalize(p.owner);
  if (cased !== p.owner) {
    out.push({ value: rebuild(cased), label: `case variant "${cased}"`, why: 'StringEquals/StringLike are case-sensitive; IgnoreCase operators are not' });
  }
  return out;
}

function repoVariants(p: SubjectParts): SubjectVariant[] {
  if (p.repo === undefined || p.repo === '') return [];
  const base = p.head + p.owner + '/' + p.repo;
  const out: SubjectVariant[] = [
    { value: `${base}-fork${p.tail}`, label: `look-alike repository "${p.repo}-fork"`, why: `another repository whose name starts with "${p.repo}"` },
    { value: `${base}-evil${p.tail}`, label: `look-alike repository "${p.repo}-evil"`, why: `another repository whose name starts with "${p.repo}"` },
  ];
  if (p.head === 'repo:') {
    out.push(
      { value: `${base}:pull_request`, label: 'pull_request event', why: 'workflows triggered by pull requests run code from the PR' },
      { value: `${base}:ref:refs/heads/evil`, label: 'other branch "evil"', why: 'any pusher can create a branch' },
      { value: `${base}:environment:evil`, label: 'other environment "evil"', why: 'an environment without protection rules' },
    );
  } else if (p.head.includes('://')) {
    out.push(
      { value: `${base}/../evil`, label: 'dot-dot path segment', why: 'the IdP does not normalise what the policy compares' },
      { value: `${base}/pull/1`, label: 'pull-request context', why: "a workspace opened on a pull request runs the PR author's code" },
      { value: `${base}/tree/x`, label: 'branch context "x"', why: 'a workspace opened on another branch' },
    );
  }
  return out;
}

/** Every near miss of one pattern, without the pattern's own literal value. */
export function subjectVariants(pattern: string, options: { gitpod: boolean }): SubjectVariant[] {
  const literal = concreteBases(pattern)[0]!;
  const parts = splitSubject(literal);
  const out = [...ownerVariants(parts), ...repoVariants(parts)];
  if (options.gitpod) {
    out.push({ value: NO_CONTEXT, label: 'no-context', why: 'any Gitpod user can open a workspace without a repository' });
  }
  return out.filter((v) => v.value !== literal);
}

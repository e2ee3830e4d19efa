import { runRows } from './condition-table.js';

runRows('String operators', [
  ['StringEquals', 'sts.amazonaws.com', 'sts.amazonaws.com', true],
  ['StringEquals', 'sts.amazonaws.com', 'STS.amazonaws.com', false],
  ['StringEquals', ['a', 'b'], 'b', true],
  ['StringEquals', 'a*', 'abc', false],
  ['StringEquals', 'a', undefined, false],
  ['StringEquals', 'a', ['a'], false], // multi-valued key without a set operator
  ['StringNotEquals', 'a', 'b', true],
  ['StringNotEquals', ['a', 'b'], 'b', false], // must match none of several values
  ['StringNotEquals', 'a', undefined, true],
  ['StringEqualsIgnoreCase', 'Acme', 'aCME', true],
  ['StringEqualsIgnoreCase', 'Acme', 'acme-evil', false],
  ['StringNotEqualsIgnoreCase', 'Acme', 'ACME', false],
  ['StringNotEqualsIgnoreCase', 'Acme', 'other', true],
  ['StringLike', 'https://github.com/acme/*', 'https://github.com/acme/app', true],
  ['StringLike', 'https://github.com/acme/*', 'https://github.com/acme-evil/app', false],
  ['StringLike', 'https://github.com/acme*', 'https://github.com/acme-evil/app', true], // the org-boundary trap
  ['StringLike', 'repo:acme/?pp:*', 'repo:acme/app:ref:refs/heads/main', true],
  ['StringLike', 'repo:acme/?pp', 'repo:acme/aapp', false],
  ['StringLike', 'ACME*', 'acme', false], // case-sensitive
  ['StringLike', '*', '', true],
  ['StringLike', 'a.b', 'axb', false], // regex characters are literal
  ['StringLike', 'x${*}', 'x*', true], // escaped star is literal
  ['StringLike', 'x${*}', 'xy', false],
  ['StringLike', 'q${?}', 'q?', true],
  ['StringLike', 'a*', undefined, false],
  ['StringNotLike', ['*evil*', '*fork*'], 'https://github.com/acme/app', true],
  ['StringNotLike', ['*evil*', '*fork*'], 'https://github.com/acme/fork', false],
  ['StringNotLike', '*evil*', undefined, true],
  ['StringEqualsIfExists', 'a', undefined, true],
  ['StringEqualsIfExists', 'a', 'b', false],
  ['StringLikeIfExists', 'a*', 'abc', true],
  ['ForAnyValue:StringEquals', ['mfa', 'hwk'], ['pwd', 'mfa'], true],
  ['ForAnyValue:StringEquals', ['mfa'], ['pwd'], false],
  ['ForAnyValue:StringEquals', ['mfa'], [], false],
  ['ForAnyValue:StringEquals', ['mfa'], undefined, false],
  ['ForAnyValue:StringEquals', ['mfa'], 'mfa', true], // a single value is a set of one
  ['ForAllValues:StringEquals', ['a', 'b'], ['a', 'b'], true],
  ['ForAllValues:StringEquals', ['a', 'b'], ['a', 'c'], false],
  ['ForAllValues:StringEquals', ['a'], [], true], // vacuous
  ['ForAllValues:StringEquals', ['a'], undefined, true], // vacuous: the Allow trap
  ['ForAnyValue:StringNotEquals', ['a'], ['a', 'b'], true],
  ['ForAnyValue:StringNotEquals', ['a'], ['a'], false],
  ['ForAllValues:StringNotLike', ['x*'], ['a', 'b'], true],
  ['ForAllValues:StringNotLike', ['x*'], ['a', 'xb'], false],
  ['ForAnyValue:StringLikeIfExists', ['a*'], undefined, true],
]);

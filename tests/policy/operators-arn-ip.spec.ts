import { runRows } from './condition-table.js';

const ROLE = 'arn:aws:iam::123456789012:role/acme-deploy';

runRows('Arn operators', [
  ['ArnEquals', ROLE, ROLE, true],
  ['ArnLike', 'arn:aws:iam::123456789012:role/acme-*', ROLE, true],
  ['ArnEquals', 'arn:aws:iam::*:role/acme-deploy', ROLE, true], // ArnEquals takes wildcards too
  ['ArnLike', 'arn:aws:iam::123456789012:role/ACME-*', ROLE, false], // case-sensitive
  ['ArnLike', 'arn:aws:iam::*:*', ROLE, true],
  ['ArnLike', 'arn:aws:*', ROLE, false], // fewer than six parts: not an ARN pattern
  ['ArnLike', 'arn:aws:iam::123456789012:role/*', 'not-an-arn', false],
  ['ArnLike', 'arn:aws:sts::123456789012:assumed-role/r/*', 'arn:aws:sts::123456789012:assumed-role/r/s:with:colons', true],
  ['ArnLike', 'arn:aws:iam::1234567890?2:role/acme-deploy', ROLE, true],
  ['ArnLike', 'arn:aws:iam::123456789012:role/x', undefined, false],
  ['ArnNotLike', 'arn:aws:iam::*:role/other*', ROLE, true],
  ['ArnNotLike', 'arn:aws:iam::*:role/acme*', ROLE, false],
  ['ArnNotEquals', ROLE, undefined, true],
  ['ArnLikeIfExists', 'arn:aws:iam::*:role/x', undefined, true],
  ['ForAnyValue:ArnLike', 'arn:aws:iam::*:role/acme*', ['arn:aws:iam::1:role/x', ROLE], true],
]);

runRows('IpAddress operators', [
  ['IpAddress', '10.0.0.0/8', '10.1.2.3', true],
  ['IpAddress', '10.0.0.0/8', '11.1.2.3', false],
  ['IpAddress', ['192.168.0.0/16', '10.0.0.0/8'], '192.168.9.9', true],
  ['IpAddress', '203.0.113.7', '203.0.113.7', true], // bare address = /32
  ['IpAddress', '2001:db8::/32', '2001:db8::1', true],
  ['IpAddress', '2001:db8::/32', '2001:db9::1', false],
  ['IpAddress', '10.0.0.0/8', 'not-an-ip', false],
  ['IpAddress', '10.0.0.0/8', undefined, false],
  ['NotIpAddress', '10.0.0.0/8', '11.0.0.1', true],
  ['NotIpAddress', '10.0.0.0/8', '10.0.0.1', false],
  ['NotIpAddress', '10.0.0.0/8', undefined, true],
  ['IpAddressIfExists', '10.0.0.0/8', undefined, true],
]);

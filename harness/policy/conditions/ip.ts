/** IpAddress, NotIpAddress: CIDR ranges (IPv4 and IPv6) via node:net BlockList. */
import { BlockList, isIP } from 'node:net';
import { NO_MATCH, operatorPair, type ConditionOperator } from './operator.js';

/** Adds `10.0.0.0/8` (or a bare address) to the list; false when the text is not an IP range. */
function addRange(list: BlockList, text: string): boolean {
  const [address = '', prefixText] = text.trim().split('/', 2);
  const family = isIP(address);
  if (family === 0) return false;
  const max = family === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max || (prefixText !== undefined && !/^\d+$/.test(prefixText))) {
    return false;
  }
  list.addSubnet(address, prefix, family === 4 ? 'ipv4' : 'ipv6');
  return true;
}

export function isIpRange(text: string): boolean {
  return addRange(new BlockList(), text);
}

export const ipOperators: ConditionOperator[] = operatorPair('IpAddress', 'NotIpAddress', 'is in', (values) => {
  // one list per policy value, so a match names the range that held
  const lists = values.map((v) => {
    const list = new BlockList();
    return addRange(list, v) ? list : undefined;
  });
  const anyInvalid = lists.includes(undefined);
  return (value) => {
    const family = isIP(value);
    if (family === 0) return undefined;
    const type = family === 4 ? 'ipv4' : 'ipv6';
    const i = lists.findIndex((list) => list?.check(value, type));
    if (i >= 0) return i;
    return anyInvalid ? undefined : NO_MATCH;
  };
});

import { expect, test } from '@playwright/test';
import { firstDuplicateKey } from '../../harness/gate/web-identity/duplicate-keys.js';

test('firstDuplicateKey finds a key repeated in one object, escapes decoded, and nothing else', () => {
  const cases: [string, string | undefined][] = [
    ['{"a":1,"b":2}', undefined],
    ['{"a":1,"a":2}', 'a'],
    ['{"sub":"x","s\\u0075b":"y"}', 'sub'],
    ['{"a":{"a":1},"b":[{"a":1},{"a":2}]}', undefined],
    ['{"a":"{\\"a\\":1,\\"a\\":2}"}', undefined],
    ['{"x":[1,2,{"k":1,"k":2}]}', 'k'],
    ['{"v":["a","a"]}', undefined],
    ['{"a":1, "q":{"z":0}, "a":2}', 'a'],
  ];
  for (const [json, expected] of cases) expect([json, firstDuplicateKey(json)]).toEqual([json, expected]);
});

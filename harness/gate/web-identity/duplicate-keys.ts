/**
 * The first object key that appears twice in one object of a JSON text, or undefined. JSON.parse keeps the
 * last value silently; another parser may keep the first, so a token with duplicates can mean two things.
 * Runs on text JSON.parse has already accepted, so it only has to track strings and object nesting.
 */
export function firstDuplicateKey(json: string): string | undefined {
  const stack: (Set<string> | undefined)[] = [];
  let expectKey = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (c === '"') {
      const end = stringEnd(json, i);
      const keys = stack.at(-1);
      if (expectKey && keys) {
        const key = JSON.parse(json.slice(i, end + 1)) as string;
        if (keys.has(key)) return key;
        keys.add(key);
      }
      expectKey = false;
      i = end;
    } else if (c === '{') {
      stack.push(new Set());
      expectKey = true;
    } else if (c === '[') {
      stack.push(undefined);
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      expectKey = stack.at(-1) !== undefined;
    }
  }
  return undefined;
}

/** index of the closing quote of the string that opens at `start` */
function stringEnd(json: string, start: number): number {
  for (let i = start + 1; i < json.length; i++) {
    if (json[i] === '\\') i++;
    else if (json[i] === '"') return i;
  }
  return json.length - 1;
}

/** "Did you mean" for names typed by hand: condition operators, statement fields, scenario keys and codes. */

/** Levenshtein distance, case-insensitive. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[y.length]!;
}

/** The candidate closest to `word`, when close enough to be a plausible typo. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const extended = candidates.find((c) => c.toLowerCase().startsWith(lower) && lower.length >= 4);
  if (extended) return extended;
  let best: { candidate: string; d: number } | undefined;
  for (const candidate of candidates) {
    const d = distance(word, candidate);
    if (!best || d < best.d) best = { candidate, d };
  }
  if (!best) return undefined;
  const limit = Math.max(2, Math.floor(best.candidate.length / 3));
  return best.d <= limit ? best.candidate : undefined;
}

/** `; did you mean "X"?` or '' */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const hint = nearest(word, candidates);
  return hint && hint !== word ? `; did you mean ${JSON.stringify(hint)}?` : '';
}

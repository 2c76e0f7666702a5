/** One `scheme://` in a text: `jdbc:mysql://` gives scheme `jdbc:mysql`. */
export interface SchemeMatch {
  /** Where the scheme starts. */
  index: number;
  /** Just past `://`. */
  end: number;
  scheme: string;
}

const isLetter = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isSchemeChar = (c: string) =>
  isLetter(c) || (c >= '0' && c <= '9') || c === '+' || c === '.' || c === '-';

/**
 * The matches of `/([a-z][a-z0-9+.-]*(?::[a-z][a-z0-9+.-]*)*):\/\//gi`, in
 * linear time. That regex, scanning forward, backtracks over every run of
 * scheme characters from each position in it: a 64 KiB environment value of
 * letters took seconds, a megabyte value hours. Here each `://` is found
 * first and its scheme read backwards.
 */
export function findSchemes(text: string): SchemeMatch[] {
  const matches: SchemeMatch[] = [];
  let floor = 0; // a match never starts inside the previous one
  for (let at = text.indexOf('://'); at >= 0; at = text.indexOf('://', at + 1)) {
    if (at < floor) continue;
    // Segments before `://`, right to left: every one after the first must
    // start with a letter; the first may start at any letter inside it.
    let start = -1;
    let segmentEnd = at;
    for (;;) {
      let segmentStart = segmentEnd;
      while (segmentStart > floor && isSchemeChar(text[segmentStart - 1])) segmentStart--;
      let firstLetter = segmentStart;
      while (firstLetter < segmentEnd && !isLetter(text[firstLetter])) firstLetter++;
      if (firstLetter === segmentEnd) break; // no letter: the match starts after it, if at all
      start = firstLetter;
      if (firstLetter !== segmentStart) break; // cannot be preceded by a whole segment
      if (segmentStart - 1 < floor || text[segmentStart - 1] !== ':') break;
      segmentEnd = segmentStart - 1;
    }
    if (start < 0) continue;
    const end = at + 3;
    matches.push({ index: start, end, scheme: text.slice(start, at) });
    floor = end;
  }
  return matches;
}

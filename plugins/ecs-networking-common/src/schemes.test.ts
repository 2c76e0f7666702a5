import { findSchemes } from './schemes';

/** What extractReferences used before: correct, but quadratic on long runs. */
const SCHEME_REGEX = /([a-z][a-z0-9+.-]*(?::[a-z][a-z0-9+.-]*)*):\/\//gi;

function byRegex(text: string) {
  return [...text.matchAll(SCHEME_REGEX)].map(m => ({
    index: m.index!,
    end: m.index! + m[0].length,
    scheme: m[1],
  }));
}

describe('findSchemes', () => {
  it.each([
    'http://orders:8080',
    'jdbc:mysql://mysql.app:3306/shop',
    'JDBC:SqlServer://db:1433',
    'mongodb://a:b@h1:27017,h2:27017 redis://cache:6379',
    '1abc://x',
    'ab:1c://x',
    'a::b://x',
    'abc:://x',
    ':://x',
    'x://y://z',
    'http:///path',
    'a-b+c.d://x',
    '-a://x',
    'see(http://x) and [ftp://y]',
    'http://x@y http://x@y',
  ])('matches what the regex matches in %p', text => {
    expect(findSchemes(text)).toEqual(byRegex(text));
  });

  it('agrees with the regex on 20,000 random texts', () => {
    const alphabet = 'ab1A:/+.-@ _';
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 20_000; i++) {
      const length = Math.floor(random() * 24);
      let text = '';
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(random() * alphabet.length)];
      expect({ text, matches: findSchemes(text) }).toEqual({ text, matches: byRegex(text) });
    }
  });

  it.each([
    ['letters', (n: number) => 'x'.repeat(n)],
    ['dotted labels', (n: number) => 'a.'.repeat(n / 2)],
    ['colon-separated labels', (n: number) => 'b:'.repeat(n / 2)],
    ['letters before one scheme', (n: number) => `${'a'.repeat(n)}://x`],
  ])('reads %s in linear time', (_what, make) => {
    // CPU time of this process, not elapsed time: other work on the machine
    // does not stretch it, so the limits hold on a busy machine as well.
    const timed = (text: string) => {
      const started = process.cpuUsage();
      findSchemes(text);
      const used = process.cpuUsage(started);
      return (used.user + used.system) / 1000;
    };
    // The regex takes seconds on 64 KiB (the most AWS lets a task definition
    // hold) and hours on a megabyte: checking the small one first keeps a
    // regression from blocking the test run.
    expect(timed(make(1 << 16))).toBeLessThan(250);
    expect(timed(make(1 << 20))).toBeLessThan(1000);
  });
});

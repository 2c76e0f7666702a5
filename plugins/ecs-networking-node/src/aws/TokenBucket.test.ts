import { TokenBucket } from './TokenBucket';

describe('TokenBucket', () => {
  it('allows the burst at once, then paces at the rate', async () => {
    let now = 0;
    const bucket = new TokenBucket(3, 10, () => now);
    const granted: number[] = [];
    jest.useFakeTimers();
    try {
      const takes = Array.from({ length: 6 }, () => bucket.take().then(() => granted.push(now)));
      await jest.advanceTimersByTimeAsync(0);
      expect(granted).toEqual([0, 0, 0]);
      for (let step = 0; step < 4; step++) {
        now += 100;
        await jest.advanceTimersByTimeAsync(100);
      }
      await Promise.all(takes);
      // One more token every 100 ms at 10 per second.
      expect(granted.slice(3)).toEqual([100, 200, 300]);
    } finally {
      jest.useRealTimers();
    }
  });
});

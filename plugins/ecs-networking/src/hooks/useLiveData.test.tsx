import { TestApiProvider } from '@backstage/test-utils';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { ecsNetworkingApiRef } from '../api';
import { useLiveData } from './useLiveData';
import { LIVE_POLL_MS } from './useLiveGeneration';

describe('useLiveData', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function render(
    load: () => Promise<{ generation: number }>,
    status: () => Promise<{ generation: number }>,
  ) {
    const api = { getStatus: jest.fn(status) };
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider apis={[[ecsNetworkingApiRef, api as never]]}>
        {children}
      </TestApiProvider>
    );
    return renderHook(() => useLiveData(load, [], value => value.generation), {
      wrapper,
    });
  }

  it('keeps the last answer when a reload fails, says so, and tries again on the next poll', async () => {
    let generation = 1;
    const answers = [
      () => Promise.resolve({ generation: 1 }),
      () => Promise.reject(new Error('backend restarting')),
      () => Promise.resolve({ generation: 2 }),
    ];
    const load = jest.fn(() => answers.shift()!());
    const hook = render(load, () => Promise.resolve({ generation }));
    await waitFor(() =>
      expect(hook.result.current.value).toEqual({ generation: 1 }),
    );

    generation = 2;
    await act(async () => {
      jest.advanceTimersByTime(LIVE_POLL_MS);
    });
    await waitFor(() =>
      expect(hook.result.current.reloadError?.message).toBe(
        'backend restarting',
      ),
    );
    expect(hook.result.current.value).toEqual({ generation: 1 });
    expect(hook.result.current.error).toBeUndefined();

    await act(async () => {
      jest.advanceTimersByTime(LIVE_POLL_MS);
    });
    await waitFor(() =>
      expect(hook.result.current.value).toEqual({ generation: 2 }),
    );
    expect(hook.result.current.reloadError).toBeUndefined();
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('reports a first load that fails as an error, with nothing to show', async () => {
    const hook = render(
      () => Promise.reject(new Error('denied')),
      () => Promise.resolve({ generation: 1 }),
    );
    await waitFor(() =>
      expect(hook.result.current.error?.message).toBe('denied'),
    );
    expect(hook.result.current.value).toBeUndefined();
    expect(hook.result.current.reloadError).toBeUndefined();
  });
});

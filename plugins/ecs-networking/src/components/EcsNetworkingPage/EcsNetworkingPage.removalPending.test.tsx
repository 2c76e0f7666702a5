import { screen, within } from '@testing-library/react';
import { formatTime } from '../../lib/scopeStatus';
import { scopeStatus } from '../../__testUtils__/estate';
import { renderNetworkPage } from '../../__testUtils__/renderNetworkPage';

const held = scopeStatus({
  accountId: '222222222222',
  region: 'us-east-1',
  counts: { services: 9, namespaces: 2, taskDefinitions: 9 },
  removalPending: {
    reason: 'the read found 2 of the 9 services of the last good read (less than 50%)',
    since: '2026-01-01T14:07:00.000Z',
    previousServices: 9,
    readServices: 2,
  },
});

describe('EcsNetworkingPage with a removal held back', () => {
  it('says which scope lost services, that they are still shown, and what removes them', async () => {
    await renderNetworkPage([scopeStatus(), held]);
    const banner = await screen.findByRole('alert');
    expect(within(banner).getByText('Services about to leave the catalog')).toBeInTheDocument();
    const line = within(banner).getByText(/account 222222222222 \/ us-east-1/);
    expect(line).toHaveTextContent(
      `the last read found 2 of its 9 services (first at ${formatTime(held.removalPending!.since)}). ` +
        'All 9 are still shown and stay in the catalog; the next read that finds them missing too removes them',
    );
    expect(line).toHaveAttribute('title', held.removalPending!.reason);
    // Only the held scope is named.
    expect(within(banner).queryByText(/111111111111/)).toBeNull();
  });

  it('names the time from which a read may remove them when a wait is configured', async () => {
    const confirmableFrom = '2026-01-01T15:07:00.000Z';
    await renderNetworkPage([{ ...held, removalPending: { ...held.removalPending!, confirmableFrom } }]);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      `a read from ${formatTime(confirmableFrom)} on that finds them missing too removes them`,
    );
  });

  it('shows no such banner while no removal is pending', async () => {
    await renderNetworkPage([scopeStatus()]);
    expect(await screen.findByText('Ownership lookup')).toBeInTheDocument();
    expect(screen.queryByText('Services about to leave the catalog')).toBeNull();
  });
});

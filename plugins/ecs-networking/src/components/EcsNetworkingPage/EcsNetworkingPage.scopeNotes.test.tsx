import { screen, within } from '@testing-library/react';
import { scopeStatus } from '../../__testUtils__/estate';
import { renderNetworkPage } from '../../__testUtils__/renderNetworkPage';

const SKIPPED =
  'metrics unavailable: cloudwatch:ListMetrics failed: HTTP 500 non-AWS response: the endpoint is not answering as AWS does';
const ANOMALY =
  'servicediscovery:ListServices listed services outside the namespace it was asked for (its NAMESPACE_ID filter was ignored): 4 service(s) were placed by their own namespace (servicediscovery:GetService)';

describe('EcsNetworkingPage when a read went without something', () => {
  it('names the scope, what it went without and why, and what it found odd', async () => {
    await renderNetworkPage([
      scopeStatus(),
      scopeStatus({ accountId: '222222222222', skipped: [SKIPPED], anomalies: [ANOMALY] }),
    ]);
    const title = await screen.findByText('Some ECS details could not be read');
    const banner = title.closest('[role="status"]') as HTMLElement;
    expect(within(banner).getByText(`account 222222222222 / eu-west-1: ${SKIPPED}`)).toBeInTheDocument();
    expect(within(banner).getByText(`account 222222222222 / eu-west-1: ${ANOMALY}`)).toBeInTheDocument();
    expect(within(banner).queryByText(/111111111111/)).toBeNull();
    // The data itself is current: no out-of-date warning.
    expect(screen.queryByText('Some ECS data is out of date')).toBeNull();
  });

  it('shows nothing when every read was complete', async () => {
    await renderNetworkPage([scopeStatus()]);
    await screen.findByText(/^Updated/);
    expect(screen.queryByText('Some ECS details could not be read')).toBeNull();
  });
});

import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { scopeStatus } from '../../__testUtils__/estate';
import { ScopeBanners } from './ScopeBanners';

describe('ScopeBanners', () => {
  it('says, most urgent first, what every view needs to know about the reads behind it', async () => {
    await renderInTestApp(
      <ScopeBanners
        scopes={[
          scopeStatus({
            accountId: '222222222222',
            removalPending: {
              reason: 'the read found 0 of the 9 services of the last good read',
              since: '2026-01-01T14:07:00.000Z',
              previousServices: 9,
              readServices: 0,
            },
          }),
          scopeStatus({
            region: 'us-east-1',
            consecutiveFailures: 2,
            stale: true,
            lastError: 'ecs:ListClusters failed: HTTP 403 AccessDeniedException',
          }),
          scopeStatus({ skipped: ['metrics unavailable: turned off'] }),
        ]}
      />,
    );
    const titles = [
      'Services about to leave the catalog',
      'Some ECS data is out of date',
      'Some ECS details could not be read',
    ].map(title => screen.getByText(title));
    for (let i = 1; i < titles.length; i++) {
      expect(
        titles[i - 1].compareDocumentPosition(titles[i]) & Node.DOCUMENT_POSITION_FOLLOWING,
      ).toBeTruthy();
    }
    expect(screen.getByText(/metrics unavailable: turned off/)).toBeInTheDocument();
  });

  it('says nothing when every read is current and complete', async () => {
    const { container } = await renderInTestApp(<ScopeBanners scopes={[scopeStatus()]} />);
    expect(container.textContent).toBe('');
  });
});

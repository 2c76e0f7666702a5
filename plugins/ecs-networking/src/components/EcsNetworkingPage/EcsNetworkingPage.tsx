import { Content, Header, Page } from '@backstage/core-components';
import { NetworkPageContent } from './NetworkPageContent';

/**
 * The network page of the legacy frontend system, with its own header.
 */
export function EcsNetworkingPage() {
  return (
    <Page themeId="tool">
      <Header
        title="ECS Networking"
        subtitle="Service Connect and Service Discovery across your AWS accounts"
      />
      <Content>
        <NetworkPageContent />
      </Content>
    </Page>
  );
}

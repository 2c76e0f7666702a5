import { CloudMapRegistry } from '../cloudmap/CloudMapRegistry';
import { EcsControlPlane } from '../ecs/EcsControlPlane';
import { LoadBalancerRegistry } from '../elbv2/LoadBalancerRegistry';
import { SubnetPool } from '../network/SubnetPool';

/** Everything one account holds in one region; AWS state never crosses these. */
export class Partition {
  readonly network: SubnetPool;
  readonly cloudMap: CloudMapRegistry;
  readonly ecs: EcsControlPlane;
  readonly elb: LoadBalancerRegistry;

  constructor(readonly accountId: string, readonly region: string) {
    this.network = new SubnetPool(accountId, region);
    this.cloudMap = new CloudMapRegistry(accountId, region);
    this.ecs = new EcsControlPlane(
      accountId,
      region,
      this.cloudMap,
      this.network,
    );
    this.elb = new LoadBalancerRegistry(accountId, region, this.network);
  }
}

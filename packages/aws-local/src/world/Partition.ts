import { CloudMapRegistry } from '../cloudmap/CloudMapRegistry';
import { EcsControlPlane } from '../ecs/EcsControlPlane';
import { LoadBalancerRegistry } from '../elbv2/LoadBalancerRegistry';
import { SubnetPool } from '../network/SubnetPool';
import { NO_SHARED_NAMESPACES, SharedNamespaces } from './SharedNamespaces';

/**
 * Everything one account holds in one region. AWS state crosses these only
 * through RAM: a namespace shared with the account is used where it lives.
 */
export class Partition {
  readonly network: SubnetPool;
  readonly cloudMap: CloudMapRegistry;
  readonly ecs: EcsControlPlane;
  readonly elb: LoadBalancerRegistry;

  constructor(
    readonly accountId: string,
    readonly region: string,
    /** Namespaces other accounts share with this one (AWS RAM). */
    readonly shared: SharedNamespaces = NO_SHARED_NAMESPACES,
  ) {
    this.network = new SubnetPool(accountId, region);
    this.cloudMap = new CloudMapRegistry(accountId, region);
    this.ecs = new EcsControlPlane(
      accountId,
      region,
      this.cloudMap,
      this.network,
      shared,
    );
    this.elb = new LoadBalancerRegistry(accountId, region, this.network);
  }
}

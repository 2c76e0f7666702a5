/** Builds ECS ARNs for one account × region, in the current (long) format. */
export class EcsArns {
  constructor(readonly accountId: string, readonly region: string) {}

  private prefix(): string {
    return `arn:aws:ecs:${this.region}:${this.accountId}`;
  }

  cluster(name: string): string {
    return `${this.prefix()}:cluster/${name}`;
  }

  service(cluster: string, name: string): string {
    return `${this.prefix()}:service/${cluster}/${name}`;
  }

  task(cluster: string, id: string): string {
    return `${this.prefix()}:task/${cluster}/${id}`;
  }

  taskDefinition(family: string, revision: number): string {
    return `${this.prefix()}:task-definition/${family}:${revision}`;
  }

  containerInstance(cluster: string, id: string): string {
    return `${this.prefix()}:container-instance/${cluster}/${id}`;
  }

  container(cluster: string, taskId: string, id: string): string {
    return `${this.prefix()}:container/${cluster}/${taskId}/${id}`;
  }
}

/** The last path segment of an ECS ARN, or the reference itself when it is a bare name. */
export function nameFromRef(ref: string): string {
  return ref.startsWith('arn:') ? ref.slice(ref.lastIndexOf('/') + 1) : ref;
}

/** The cluster name a long-format service or task ARN embeds, if any. */
export function clusterFromArn(ref: string): string | undefined {
  const match =
    /^arn:aws[\w-]*:ecs:[^:]*:[^:]*:(?:service|task|container-instance)\/([^/]+)\/[^/]+$/.exec(
      ref,
    );
  return match?.[1];
}

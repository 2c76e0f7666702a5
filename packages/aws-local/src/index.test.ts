import * as api from './index';

describe('the package entry point', () => {
  it('exports the programmatic API the tests, benchmarks and backend use', () => {
    expect(typeof api.startLocalAws).toBe('function');
    expect(typeof api.generateEstate).toBe('function');
    expect(typeof api.loadEstateFile).toBe('function');
    expect(
      api.loadEstateFile(api.DEMO_ESTATE_PATH).accounts.map(a => a.id),
    ).toEqual(['111111111111', '222222222222']);
    expect(api.API_QUOTAS.ecsListServicesByNamespace.quota).toEqual({
      burst: 10,
      refillPerSecond: 1,
    });
  });

  it('lists the demo estate as it is: every account and region it holds', () => {
    const estate = api.loadEstateFile(api.DEMO_ESTATE_PATH);
    expect(api.DEMO_SCOPES).toEqual(
      estate.accounts.map(a => ({ accountId: a.id, regions: Object.keys(a.regions ?? {}) })),
    );
    expect(api.demoAwsConfig().mainAccount.accessKeyId).toBe(estate.accounts[0].accessKeys![0].id);
  });
});

import { analyzeNetwork } from '../analyze';
import { demoLikeNetwork, plannedService } from '../testing/demoLike';
import { baselineModel } from './baseline';
import { checkPlan } from './checkPlan';

jest.mock('../analyze', () => {
  const actual = jest.requireActual('../analyze');
  return { analyzeNetwork: jest.fn(actual.analyzeNetwork) };
});
const analyses = analyzeNetwork as jest.MockedFunction<typeof analyzeNetwork>;

describe('baselineModel', () => {
  beforeEach(() => analyses.mockClear());

  it('analyses a live network once per tag keys', () => {
    const live = demoLikeNetwork();
    const first = baselineModel(live);
    expect(baselineModel(live)).toBe(first);
    expect(baselineModel(live, { tagKeys: { owner: 'team' } })).not.toBe(first);
    expect(analyses).toHaveBeenCalledTimes(2);
    expect(baselineModel(demoLikeNetwork())).not.toBe(first);
  });

  it('leaves each plan one analysis of the estate, of the estate with the plan in it', () => {
    const live = demoLikeNetwork();
    checkPlan(plannedService(), live);
    analyses.mockClear();
    checkPlan(plannedService({ serviceName: 'basket' }), live);
    checkPlan(plannedService({ serviceName: 'user-service' }), live);
    expect(analyses).toHaveBeenCalledTimes(2);
  });
});

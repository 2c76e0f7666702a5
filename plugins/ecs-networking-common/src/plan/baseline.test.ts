import { analyzeIndexed, analyzeNetwork } from '../analyze';
import { demoLikeNetwork, plannedService } from '../testing/demoLike';
import { baselineModel } from './baseline';
import { checkPlan } from './checkPlan';

jest.mock('../analyze', () => {
  const actual = jest.requireActual('../analyze');
  return {
    ...actual,
    analyzeNetwork: jest.fn(actual.analyzeNetwork),
    analyzeIndexed: jest.fn(actual.analyzeIndexed),
  };
});
const wholeAnalyses = analyzeIndexed as jest.MockedFunction<
  typeof analyzeIndexed
>;
const analyses = analyzeNetwork as jest.MockedFunction<typeof analyzeNetwork>;

describe('baselineModel', () => {
  beforeEach(() => {
    wholeAnalyses.mockClear();
    analyses.mockClear();
  });

  it('analyses a live network once per tag keys', () => {
    const live = demoLikeNetwork();
    const first = baselineModel(live);
    expect(baselineModel(live)).toBe(first);
    expect(baselineModel(live, { tagKeys: { owner: 'team' } })).not.toBe(first);
    expect(wholeAnalyses).toHaveBeenCalledTimes(2);
    expect(baselineModel(demoLikeNetwork())).not.toBe(first);
  });

  it('leaves each plan one analysis, of its neighbourhood only', () => {
    const live = demoLikeNetwork();
    const estate = live.snapshots.flatMap(s => s.services).length;
    checkPlan(plannedService(), live);
    wholeAnalyses.mockClear();
    analyses.mockClear();
    checkPlan(plannedService({ serviceName: 'basket' }), live);
    checkPlan(plannedService({ serviceName: 'user-service' }), live);
    expect(wholeAnalyses).not.toHaveBeenCalled();
    expect(analyses).toHaveBeenCalledTimes(2);
    for (const [snapshots] of analyses.mock.calls) {
      expect(snapshots.flatMap(s => s.services).length).toBeLessThan(estate);
    }
  });
});

import { keptServiceTags } from './serviceTags';

describe('keptServiceTags', () => {
  it('keeps every tag a user may set, sorted by key', () => {
    expect(
      keptServiceTags({
        owner: 'team-platform',
        'cost-center': 'cc-4711',
        'Team Email': 'platform@example.com',
      }),
    ).toEqual({
      kept: [
        { key: 'cost-center', value: 'cc-4711' },
        { key: 'owner', value: 'team-platform' },
        { key: 'Team Email', value: 'platform@example.com' },
      ],
      skipped: [],
    });
  });

  it('leaves out the tags AWS would refuse, by a key fit to show', () => {
    const { kept, skipped } = keptServiceTags({
      'aws:cloudformation:stack-name': 'shop',
      quote: 'a" = "b',
      interpolation: '${file("/etc/passwd")}',
      'new\nline`': 'x',
      fine: 'ok',
    });
    expect(kept).toEqual([{ key: 'fine', value: 'ok' }]);
    expect(skipped.sort()).toEqual(
      [
        'aws:cloudformation:stack-name',
        'interpolation',
        'new?line?',
        'quote',
      ].sort(),
    );
  });
});

import { distinctTitles } from './entityTitles';

interface Item {
  name: string;
  accountId: string;
  region: string;
}

const titlesOf = (items: Item[]) => {
  const titles = distinctTitles(items, i => i.name, i => [i.accountId, i.region]);
  return items.map(i => titles.get(i));
};

describe('distinctTitles', () => {
  it('keeps a unique name as it is', () => {
    expect(titlesOf([{ name: 'orders', accountId: '1', region: 'eu-west-1' }])).toEqual(['orders']);
  });

  it('adds only what differs among the same-named', () => {
    expect(
      titlesOf([
        { name: 'users', accountId: '1', region: 'eu-west-1' },
        { name: 'users', accountId: '1', region: 'us-east-1' },
        { name: 'orders', accountId: '1', region: 'eu-west-1' },
      ]),
    ).toEqual(['users (eu-west-1)', 'users (us-east-1)', 'orders']);
    expect(
      titlesOf([
        { name: 'users', accountId: '1', region: 'eu-west-1' },
        { name: 'users', accountId: '2', region: 'us-east-1' },
      ]),
    ).toEqual(['users (1)', 'users (2)']);
    expect(
      titlesOf([
        { name: 'users', accountId: '1', region: 'eu-west-1' },
        { name: 'users', accountId: '1', region: 'us-east-1' },
        { name: 'users', accountId: '2', region: 'eu-west-1' },
      ]),
    ).toEqual(['users (1, eu-west-1)', 'users (1, us-east-1)', 'users (2, eu-west-1)']);
  });

  it('stops adding qualifiers once the titles are unique', () => {
    const titles = distinctTitles(
      [
        { name: 'users', region: 'eu-west-1', cluster: 'shop' },
        { name: 'users', region: 'us-east-1', cluster: 'shop-us' },
      ],
      i => i.name,
      i => [i.region, i.cluster],
    );
    expect([...titles.values()]).toEqual(['users (eu-west-1)', 'users (us-east-1)']);
  });

  it('tells names apart that differ only in case by the names themselves', () => {
    expect(
      titlesOf([
        { name: 'Orders', accountId: '1', region: 'eu-west-1' },
        { name: 'orders', accountId: '1', region: 'eu-west-1' },
      ]),
    ).toEqual(['Orders', 'orders']);
  });
});

import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GeneratedFilesPage } from './GeneratedFilesPage';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const LISTING = {
  id: ID,
  name: 'checkout',
  expiresAt: '2026-12-06T10:00:00Z',
  files: [
    { path: 'README.md', size: 120 },
    { path: 'terraform/main.tf', size: 3400 },
  ],
};

async function renderPage(responses: Record<string, Response>) {
  const fetch = jest.fn(async (url: RequestInfo | URL) => {
    const path = String(url).replace('http://backend/api/scaffolder', '');
    return responses[path] ?? new Response('', { status: 500 });
  });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [
          discoveryApiRef,
          { getBaseUrl: async (id: string) => `http://backend/api/${id}` },
        ],
        [fetchApiRef, { fetch }],
      ]}
    >
      <GeneratedFilesPage />
    </TestApiProvider>,
    { routeEntries: [`/ecs-networking-files?archive=${ID}`] },
  );
  return fetch;
}

describe('GeneratedFilesPage', () => {
  it('lists the files and downloads the archive through the fetch API', async () => {
    const createObjectURL = jest.fn(() => 'blob:archive');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const clicked: string[] = [];
    jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function click(this: HTMLAnchorElement) {
        clicked.push(this.download);
      });
    const fetch = await renderPage({
      [`/ecs-networking/archives/${ID}`]: Response.json(LISTING),
      [`/ecs-networking/archives/${ID}/download`]: new Response('tgz'),
    });
    expect(
      await screen.findByText('Generated files: checkout'),
    ).toBeInTheDocument();
    expect(screen.getByText('terraform/main.tf')).toBeInTheDocument();
    expect(screen.getByText('3400')).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Download checkout.tar.gz' }),
    );
    await waitFor(() => expect(clicked).toEqual(['checkout.tar.gz']));
    expect(fetch).toHaveBeenCalledWith(
      `http://backend/api/scaffolder/ecs-networking/archives/${ID}/download`,
    );
  });

  it('says why when the archive is gone', async () => {
    await renderPage({
      [`/ecs-networking/archives/${ID}`]: Response.json(
        { error: { message: `No archive ${ID}: it may have expired` } },
        { status: 404 },
      ),
    });
    expect(
      await screen.findByText(`No archive ${ID}: it may have expired`),
    ).toBeInTheDocument();
  });
});

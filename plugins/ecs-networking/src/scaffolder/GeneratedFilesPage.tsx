import {
  Content,
  InfoCard,
  Progress,
  WarningPanel,
} from '@backstage/core-components';
import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import {
  GENERATED_ARCHIVE_ROUTE,
  type GeneratedArchive,
} from '@ecs-net/plugin-ecs-networking-common';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';

/** Fetches from the scaffolder backend's archive route as the signed-in user. */
function useArchiveFetch() {
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  return async (path: string) => {
    const base = await discoveryApi.getBaseUrl('scaffolder');
    const response = await fetchApi.fetch(
      `${base}${GENERATED_ARCHIVE_ROUTE}/${path}`,
    );
    if (!response.ok) {
      const body = await response.json().catch(() => undefined);
      throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
    }
    return response;
  };
}

/** Hands a blob to the browser as a file download. */
function saveAs(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * The files a scaffolder task generated (`?archive=` the id the
 * `ecs-networking:archive` step output), with a download of them all as a
 * .tar.gz. The archive is fetched with the user's token: a plain link to
 * the backend would carry none.
 */
export const GeneratedFilesPage = () => {
  const [params] = useSearchParams();
  const id = encodeURIComponent(params.get('archive') ?? '');
  const archiveFetch = useArchiveFetch();
  const listing = useAsync(
    async (): Promise<GeneratedArchive> => (await archiveFetch(id)).json(),
    // archiveFetch is a new function on each render; the id is what counts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [id],
  );
  const [download, startDownload] = useAsyncFn(async () => {
    const archive = listing.value!;
    const response = await archiveFetch(`${id}/download`);
    saveAs(await response.blob(), `${archive.name}.tar.gz`);
  }, [id, listing.value]);

  if (listing.loading) return <Progress />;
  if (listing.error || !listing.value) {
    return (
      <Content>
        <WarningPanel
          severity="error"
          title="Generated files not available"
          message={listing.error?.message}
        />
      </Content>
    );
  }
  const archive = listing.value;
  return (
    <Content>
      <InfoCard
        title={`Generated files: ${archive.name}`}
        subheader={`Kept until ${new Date(archive.expiresAt).toLocaleString()}`}
        actions={
          <Button
            variant="contained"
            color="primary"
            disabled={download.loading}
            onClick={startDownload}
          >
            Download {archive.name}.tar.gz
          </Button>
        }
      >
        {download.error && (
          <Typography color="error">{download.error.message}</Typography>
        )}
        <Table size="small" aria-label="Generated files">
          <TableHead>
            <TableRow>
              <TableCell>File</TableCell>
              <TableCell align="right">Bytes</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {archive.files.map(file => (
              <TableRow key={file.path}>
                <TableCell>{file.path}</TableCell>
                <TableCell align="right">{file.size}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </InfoCard>
    </Content>
  );
};

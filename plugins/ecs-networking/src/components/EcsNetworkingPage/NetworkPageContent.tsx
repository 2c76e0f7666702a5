import {
  ContentHeader,
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import type { NetworkResponse } from '@ecs-net/plugin-ecs-networking-common';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import Refresh from '@material-ui/icons/Refresh';
import { useDeferredValue, useMemo } from 'react';
import { useServiceEntities } from '../../hooks/useServiceEntities';
import { counted } from '../../lib/describe';
import { createEstateIndex } from '../../lib/estateIndex';
import { EstateChanges } from '../NetworkHistory';
import { ServiceMap } from '../ServiceMap';
import { NoAccountsEmptyState } from '../shared/NoAccountsEmptyState';
import { ReloadFailedBanner } from '../shared/ReloadFailedBanner';
import { ScopeBanners } from '../shared/ScopeBanners';
import { LastSynced } from '../shared/LastSynced';
import { useLiveNetwork } from '../../hooks/useLiveNetwork';
import { EstateFilters } from './EstateFilters';
import { useEstateView, useUrlFilter } from './useUrlFilter';
import { EstateList } from './EstateList';
import { FindingsList } from './FindingsList';
import { OwnershipLookup } from './OwnershipLookup';

function Estate(props: { network: NetworkResponse }) {
  const { network } = props;
  const index = useMemo(() => createEstateIndex(network), [network]);
  const [filter, setFilter] = useUrlFilter();
  // Typing in the name box stays responsive while the lists catch up.
  const deferredFilter = useDeferredValue(filter);
  const matching = useMemo(
    () => index.matching(deferredFilter),
    [index, deferredFilter],
  );
  const findings = useMemo(
    () => index.findingsFor(deferredFilter, matching),
    [index, deferredFilter, matching],
  );
  const allArns = useMemo(() => [...index.rows.keys()], [index]);
  const serviceArns = useMemo(() => new Set(allArns), [allArns]);
  const entities = useServiceEntities(allArns);
  const [view, setView] = useEstateView();
  const tabs = (
    <Grid item xs={12}>
      <Tabs
        value={view}
        onChange={(_, next) => setView(next)}
        aria-label="View"
      >
        <Tab value="list" label="List" />
        <Tab value="map" label="Map" />
      </Tabs>
    </Grid>
  );

  if (view === 'map') {
    return (
      <Grid container spacing={3}>
        {tabs}
        <Grid item xs={12}>
          <ServiceMap network={network} index={index} entities={entities} />
        </Grid>
      </Grid>
    );
  }
  return (
    <Grid container spacing={3}>
      {tabs}
      <Grid item xs={12}>
        <EstateFilters
          filter={filter}
          options={index.options}
          onChange={setFilter}
        />
        <Typography variant="body2" color="textSecondary" role="status">
          Showing {matching.size} of {counted(index.rows.size, 'service')},{' '}
          {counted(findings.length, 'finding')}
        </Typography>
      </Grid>
      <Grid item xs={12} lg={7}>
        <InfoCard title="Services by namespace">
          <EstateList
            groups={index.groups}
            services={index.rows}
            matching={matching}
            entities={entities}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} lg={5}>
        <InfoCard title="Findings">
          <FindingsList
            findings={findings}
            serviceArns={serviceArns}
            entities={entities}
          />
        </InfoCard>
      </Grid>
    </Grid>
  );
}

/**
 * The whole estate: sync state, the ownership lookup, and every service by
 * namespace with its findings. Frames itself with a content header (the
 * sync age and a refresh); the page around it gives the title, in both
 * frontend systems.
 */
export function NetworkPageContent() {
  const { value, loading, error, reloadError, retry } = useLiveNetwork();

  return (
    <>
      <ContentHeader
        title="Services, endpoints and findings"
        description="Service Connect and Service Discovery across your AWS accounts"
      >
        {value && value.scopes.length > 0 && (
          <LastSynced scopes={value.scopes} />
        )}
        <Button
          startIcon={<Refresh />}
          onClick={retry}
          disabled={loading}
          title="Reload what the backend holds now (it reads AWS on its own schedule)"
        >
          Refresh
        </Button>
      </ContentHeader>
      <NetworkBody
        value={value}
        loading={loading}
        error={error}
        reloadError={reloadError}
      />
    </>
  );
}

function NetworkBody(props: {
  value?: NetworkResponse;
  loading: boolean;
  error?: Error;
  reloadError?: Error;
}) {
  const { value, loading, error, reloadError } = props;
  // A refresh keeps the page as it is until the new answer arrives.
  if (loading && !value) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return null;
  if (value.scopes.length === 0) return <NoAccountsEmptyState />;

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <ReloadFailedBanner error={reloadError} />
        <ScopeBanners scopes={value.scopes} />
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Ownership lookup">
          <OwnershipLookup generation={value.generation} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        {value.services.length === 0 ? (
          <EmptyState
            missing="data"
            title="No ECS service found"
            description="The configured accounts and regions hold no ECS service, or their first read has not finished. Check the sync state above, and that the reader role may call ecs:ListServices."
          />
        ) : (
          <Estate network={value} />
        )}
      </Grid>
      <Grid item xs={12}>
        <EstateChanges />
      </Grid>
    </Grid>
  );
}

export { EcsNamespaceCard } from './EcsNamespaceCard';

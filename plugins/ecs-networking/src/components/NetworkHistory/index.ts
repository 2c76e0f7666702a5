export { EntityChanges } from './EntityChanges';
export { EntityBlastRadius } from './EntityBlastRadius';
export { EstateChanges } from './EstateChanges';

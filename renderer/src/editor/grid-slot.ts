// The one place the editor imports the grid helper's components from.
export { TableGrid } from '../grid/table-grid';
export { PrintPreview } from '../preview/print-preview';

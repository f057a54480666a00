/**
 * The file factmark writes last into every tree it publishes; it is how a tree is recognised as
 * factmark's, and what verify checks it against.
 */
export const manifestName = 'manifest.json'

/**
 * The site's table of every fact, beside the reports' folders: written by the build's own thread
 * (CSV, Data Package) and the table's thread (Parquet), staged and taken from earlier builds as one.
 */
export const siteTableNames = {
  csv: 'facts.csv',
  parquet: 'facts.parquet',
  dataPackage: 'datapackage.json'
} as const

/**
 * Names a report's slug cannot take, as its folder would clash with a file
 * or folder the site writes at the top of the output, or cannot be created
 * on Windows. Each row says why, for the message.
 */
// prettier-ignore
const siteNames: ReadonlyArray<{ name: string; why: string }> = [
  { name: 'schema', why: 'the site publishes its JSON Schemas in schema/' },
  { name: 'taxonomy', why: 'the site publishes the XBRL taxonomy of the registry in taxonomy/' },
  { name: 'series', why: 'the site keeps series/ for the series of each metric across reports' },
  { name: 'catalog', why: 'the site writes the further pages of its catalog of reports in catalog/' },
  { name: 'catalog.json', why: 'the site writes its catalog of reports there' },
  { name: 'facts.csv', why: 'the site writes the table of every report’s facts there' },
  { name: 'facts.parquet', why: 'the site writes the table of every report’s facts as Parquet there' },
  { name: 'datapackage.json', why: 'the site writes the Data Package of its facts table there' },
  { name: 'index.html', why: 'the site writes its index page there' },
  { name: 'manifest.json', why: 'the site writes its manifest there' }
]

/**
 * Device names Windows reserves in every folder, with or without an extension (Microsoft, "Naming
 * Files, Paths, and Namespaces").
 */
const windowsDevice = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\.|$)/i

/** Why a slug cannot be a folder of the site, or undefined when it can. */
export function reservedSlugReason(slug: string): string | undefined {
  const site = siteNames.find((entry) => entry.name === slug.toLowerCase())
  if (site) return site.why
  if (windowsDevice.test(slug))
    return `Windows reserves "${slug.split('.')[0]}" for a device, so no folder can have that name there`
  return undefined
}

/** The top-level names of the site, for tests that hold this table to what the build writes. */
export const reservedSiteNames: readonly string[] = siteNames.map((entry) => entry.name)

import type { ReportInformation } from '../../model/schema-types.js'
import { xbrlFactIds } from './fact-ids.js'
import { namespaces } from './namespaces.js'
import { xbrlJsonFact, type XbrlJsonFact } from './xbrl-fact.js'
import { xbrlPeriod } from './periods.js'
import type { CompiledReport } from '../../model/compiled.js'

export interface XbrlJsonOptions {
  /** URL of the taxonomy entry point relative to the report's folder, e.g. `../taxonomy/metrics.xsd`. */
  taxonomy: string
}

/** The whole document; key order is fixed by construction, so the same report gives the same bytes. */
interface XbrlJsonReport {
  documentInfo: {
    documentType: 'https://xbrl.org/2021/xbrl-json'
    namespaces: typeof namespaces
    taxonomy: string[]
  }
  /** Extension property of the root object: the report the facts come from, as in facts.json. */
  'factmark:report': ReportInformation
  facts: Record<string, XbrlJsonFact>
}

/** The report's facts as an xBRL-JSON 1.0 (OIM) report whose taxonomy is generated from the metric registry. */
function xbrlJsonReport(report: CompiledReport, options: XbrlJsonOptions): XbrlJsonReport {
  const { facts } = report.bundle
  const ids = xbrlFactIds(facts.map((fact) => fact.id))
  const entries: Record<string, XbrlJsonFact> = {}
  // A report's facts have a few periods between them, and each is written out from dates.
  const periods = new Map<string, string>()
  const periodOf = (period: string) => {
    let written = periods.get(period)
    if (written === undefined) periods.set(period, (written = xbrlPeriod(period)))
    return written
  }
  for (const [index, fact] of facts.entries()) entries[ids[index] ?? fact.id] = xbrlJsonFact(fact, periodOf)
  return {
    documentInfo: {
      documentType: 'https://xbrl.org/2021/xbrl-json',
      namespaces,
      taxonomy: [options.taxonomy]
    },
    'factmark:report': report.bundle.report,
    facts: entries
  }
}

/** facts.xbrl.json: the xBRL-JSON report, indented, with a final newline. */
export function emitXbrlJson(report: CompiledReport, options: XbrlJsonOptions): string {
  return `${JSON.stringify(xbrlJsonReport(report, options), null, 2)}\n`
}

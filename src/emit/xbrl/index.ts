export { emitTaxonomy } from './taxonomy.js'
export { emitXbrlJson, type XbrlJsonOptions } from './xbrl-json.js'

export { decimalString } from '../decimal.js'

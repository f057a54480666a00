/**
 * The part of `@lhncbc/ucum-lhc` that factmark uses. The package ships no
 * types; these follow the JSDoc of `source-cjs/ucumLhcUtils.js` (v7).
 */
declare module '@lhncbc/ucum-lhc' {
  export interface UcumValidation {
    status: 'valid' | 'invalid' | 'error'
    ucumCode: string | null
    msg: string[]
  }

  export interface UcumConversion {
    status: 'succeeded' | 'failed' | 'error'
    toVal: number | null
    msg: string[]
  }

  export interface UcumUtils {
    validateUnitString(unit: string, suggest?: boolean, valConv?: 'validate' | 'convert'): UcumValidation
    convertUnitTo(
      fromUnitCode: string,
      fromVal: number,
      toUnitCode: string,
      options?: { suggest?: boolean }
    ): UcumConversion
  }

  export interface UcumLhcUtilsClass {
    getInstance(): UcumUtils
  }

  /** The CommonJS `module.exports`, which is what an ESM default import yields. */
  const ucum: { UcumLhcUtils: UcumLhcUtilsClass }
  export default ucum
}

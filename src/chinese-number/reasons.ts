import type { FigureKind } from './types.js'

/**
 * Why a label is not a figure, in one sentence an editor can act on. Kept in
 * one table so that the wording stays consistent and tests can walk it.
 */
export const reasons = {
  empty: () => 'the label is empty: put the figure as printed between the brackets',
  noNumber: (label: string) => `no number found in "${label}"`,
  textBeforeNumber: (label: string, text: string) =>
    `"${text}" before the number is not part of a figure in "${label}": move it out of the label`,
  spaceInside: (label: string, codePoint: string) =>
    `"${label}" has a space (${codePoint}) inside the figure: figures are written without spaces`,
  notANumber: (text: string) => `"${text}" is not a number`,
  notAChineseNumeral: (text: string) => `"${text}" is not a Chinese numeral`,
  unknownUnit: (label: string, unit: string) =>
    `unknown unit or classifier "${unit}" in "${label}": use a unit from the unit table or move the text out of the label`,
  tooLarge: (label: string) => `"${label}" is too large to be a figure`,
  tooPrecise: (number: string, digits: number, limit: number) =>
    `the number ${number} has ${digits} significant digits, more than the ${limit} a value keeps exactly (a double-precision number holds no more)`,
  tooSmall: (label: string) =>
    `"${label}" is too close to zero: a double-precision number reaches down to about 1e-307`,
  noNumberAfter: (label: string, prefix: string) => `no number after "${prefix}" in "${label}"`,
  rankNotWhole: (label: string) => `a rank is a whole number from 1, not "${label}"`,
  rankGoal: (label: string) =>
    `"${label}" is not a ranking goal: 保X争Y holds place X and strives for a better place Y (保十争先, 保五争三)`,
  classNotWhole: (label: string) => `a grade is a whole number from 1, not "${label}"`,
  countNegative: (label: string) => `a count cannot be negative, as "${label}" says`,
  signNotAllowed: (label: string, kind: FigureKind) => `a ${kind} cannot carry a sign, as "${label}" does`,
  waterClass: (label: string) =>
    `"${label}" is not a water-quality class: classes run from Ⅰ to Ⅴ, and worse than Ⅴ is written 劣Ⅴ类`,
  worseOnlyV: (label: string) => `"劣" only precedes Ⅴ (劣Ⅴ类), not "${label}"`,
  badMonth: (label: string, month: number) => `"${label}" has month ${month}: months run from 1 to 12`,
  badQuarter: (label: string, quarter: number) => `"${label}" has quarter ${quarter}: quarters run from 1 to 4`,
  badDay: (label: string, day: number) => `"${label}" has day ${day}, which that month does not have`,
  yearNotDate: (label: string) => `"${label}" is not a date: a year is written with four digits, from 1900 to 2100`,
  dateOrder: (label: string) => `"${label}" is not a date: write the year, month and day in that order`,
  twoBounds: (label: string) => `"${label}" states two bounds: keep one of 约, 超过, 以上, 余 …`,
  openRange: (label: string) => `the range "${label}" has no upper end`,
  manySeparators: (label: string) => `"${label}" has more than one range separator`,
  rangeMismatch: (label: string, lower: string, lowerKind: string, upper: string, upperKind: string) =>
    `the ends of the range "${label}" do not match: "${lower}" reads as ${lowerKind} but "${upper}" as ${upperKind}`,
  rangeOfIntervals: (label: string) =>
    `the range "${label}" joins periods that are already intervals: write its first and last month (2025年1-9月)`,
  rangeBackwards: (label: string) => `the range "${label}" runs backwards: write the lower end first`,
  vagueCount: (label: string) =>
    `"${label}" is a vague count (数百, 几十, 成千上万: "some hundreds") with no value to publish: tag a figure written with a number, or leave it untagged`,
  bareScale: (label: string) =>
    `"${label}" has a scale word but no number: write how near it is (近万, 上万, 万余) or the number (1万)`,
  notAFraction: (label: string) =>
    `"${label}" is not a fraction: N分之M takes a whole number on each side (五分之一, 千分之五)`,
  zeroDenominator: (label: string) => `"${label}" divides by zero`
} as const

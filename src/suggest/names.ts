/**
 * Numerals that are part of a name, a slogan or a fixed phrase rather than a
 * figure: 十四五, 二十届, PM2.5, “四个对标年”, 八项规定. A figure overlapping
 * one of these spans is not suggested.
 *
 * The table holds shapes that Chinese government reports use everywhere, not
 * the phrases of one report; a report adds its own with `ignore:`. A pattern
 * that starts with a run (`[A-Za-z]+`, `${N}+`, `\d+`) is anchored by a
 * lookbehind at the start of the run: otherwise it is tried again from each
 * character inside it, which costs the square of the run's length.
 */
export interface NamePattern {
  id: string
  /** Global (`g`), so that every occurrence is found; `m` where `^` means the start of a line. */
  pattern: RegExp
  description: string
}

export interface NameSpan {
  start: number
  end: number
  id: string
}

/** Chinese numerals as they appear inside names (not 两, which names rarely use). */
const N = '[一二三四五六七八九十]'

// prettier-ignore
export const BUILT_IN_NAMES: readonly NamePattern[] = [
  {
    id: 'quoted',
    // A ranking goal in quotes, “保十争先”, is a plan's target, not a name; nor is a percentage,
    // “四个100%”, which puts a figure in quotes that the report states.
    pattern: /“(?!保[^“”]{1,2}争[^“”]{1,2}”)(?![^“”]*\d%)[^“”]*”|「[^「」]*」|『[^『』]*』/g,
    description: 'Phrases in Chinese quotation marks, slogans and names: “四个对标年”, “三单”, “9.3”, “1+3” (but not a ranking goal, “保十争先”, which is a target, nor a phrase with a percentage, “四个100%”)'
  },
  {
    id: 'book-title',
    pattern: /《[^《》]*》|〈[^〈〉]*〉/g,
    description: 'Titles in book-title marks: 《美丽中国建设的福建篇章》'
  },
  {
    id: 'plan-period',
    pattern: /十[一二三四五六]五/g,
    description: 'Five-year plan names: 十三五, 十四五, 十五五'
  },
  {
    id: 'party-congress',
    pattern: new RegExp(`(?<![第\\d])(?:二十${N}?|十[一二三四五六七八九])[大届]|${N}中全会`, 'g'),
    description: 'Party congresses and plenums: 二十大, 二十届, 十九届, 三中全会'
  },
  {
    id: 'inspection-round',
    pattern: new RegExp(`[中省]${N}督`, 'g'),
    description: 'Rounds of central and provincial environmental inspection: 中二督, 中三督, 省三督'
  },
  {
    id: 'latin-code',
    pattern: /(?<![A-Za-z])[A-Za-z]+\d+(?:\.\d+)?[A-Za-z\d]*|(?<![\dA-Za-z])\d+[A-Z][A-Za-z\d]*/g,
    description: 'Codes written with Latin letters: PM2.5, PM10, NO2, COP30, R1线, 5G'
  },
  {
    id: 'standard-number',
    pattern: /[A-Z]{1,4}(?:\/[TZ])?\s?\d+(?:\.\d+)*[-—]\d{4}/g,
    description: 'Standard numbers with their year: GB 3838-2002, HJ 2.2-2018'
  },
  {
    id: 'berth-number',
    pattern: /(?<!\d)\d+#(?:[-~～至]\d+#)?/g,
    description: 'Berth and unit numbers: 1#-5#泊位, 3#机组'
  },
  {
    id: 'numbered-identifier',
    pattern: /(?<![月\d])\d+号(?!\d)/g,
    description: 'Numbered identifiers: 1号线, 3号楼 (N月N号 stays a date)'
  },
  {
    id: 'document-number',
    pattern: /[〔［[]\d{4}[〕］\]]\d*号?/g,
    description: 'Document numbers: 厦府〔2025〕12号'
  },
  {
    id: 'registration-number',
    pattern: /(?:ICP|公网安)[备证]\s*\d+(?:[-—]\d+)?号?(?:[-—]\d+)?/g,
    description: 'Website registration numbers in page footers: 闽公网安备 35020302032660-14号, 闽ICP备12345678号-1'
  },
  {
    id: 'hotline',
    pattern: /(?<!\d)\d{3,6}(?=(?:环保|生态环境|政务|便民|服务|举报|投诉)*热线)/g,
    description: 'Hotline numbers: 12345热线, 12369环保举报热线'
  },
  {
    id: 'cross-reference',
    pattern: /(?:附件|附表|(?<=[见如])[表图])\d{1,2}(?![\d.．])/g,
    description: 'References to attachments, tables and charts: 附件1, 见表2, 如图3'
  },
  {
    id: 'dot-day',
    pattern: /(?<![\d.．])\d{1,2}·\d{1,2}(?!\d)/g,
    description: 'Days named with a middle dot: 6·5环境日, 5·12'
  },
  {
    id: 'phone-number',
    pattern: /(?<!\d)(?:0\d{2,3}[-—]\d{7,8}|1[3-9]\d{9})(?!\d)/g,
    description: 'Telephone numbers: 0592-5181111, 13800000000'
  },
  {
    id: 'numeric-date',
    pattern: /(?<!\d)\d{4}[-./]\d{1,2}[-./]\d{1,2}(?!\d)/g,
    description: 'Dates written with digits only: 2025-11-05, 2025.11.05'
  },
  {
    id: 'time-of-day',
    pattern: /(?<![\d:：])\d{1,2}[:：]\d{2}(?:[:：]\d{2})?(?!\d)/g,
    description: 'Times of day: 10:30, 9:00'
  },
  {
    id: 'heading-enumerator',
    pattern: new RegExp(`^\\s*(?:${N}+[、．.]|[(（](?:${N}+|\\d{1,2})[)）]|\\d{1,2}[、．.](?!\\d)|[①-⑳])`, 'gm'),
    description: 'Heading and list numbers at the start of a line: 一、 (一) 1. ①'
  },
  {
    id: 'enumerator-shi',
    pattern: new RegExp(`(?<!${N})${N}+是`, 'g'),
    description: 'Enumerations in running text: 一是, 二是, 三是'
  },
  {
    id: 'enumerator-ordinal',
    pattern: new RegExp(`(?:^|(?<=[。；;！？!?：:]))\\s*第${N}+(?=[,，、])`, 'gm'),
    description: 'Ordinals that open a sentence as enumerators: 第一，…第二，…'
  },
  {
    id: 'fixed-phrase',
    pattern:
      /第一(?:时间|责任人|议题|书记|要务|动力|资源|生产力|线)|第三方|第[一二三四五六七八九十]+部分|八项规定|(?<!第)(?:一张(?:蓝图|图|网)|一件事|一条龙|一本账|新一[轮届代批]|一方面|一部分|一段时间|一次性|一批|一年一度|[每另同统唯任单万]一|一起(?![案事]))/g,
    description: 'Fixed phrases with numerals: 一张蓝图, 第一时间, 第三方, 第一部分, 八项规定, 新一轮, 一批, 一方面, 每一, 另一处, 同一'
  },
  {
    id: 'political-slogan',
    pattern: /两个(?:确立|维护)|四个(?:意识|自信|全面)|三个代表|五位一体/g,
    description: 'Political slogans written without quotes: 两个确立, 四个意识, 五位一体'
  },
  {
    id: 'secondary',
    pattern: /(?<![第\d])二次(?=供水|污染|颗粒|开发|利用|有机)/g,
    description: 'Secondary, not twice: 二次供水, 二次污染'
  },
  {
    id: 'campaign-name',
    pattern: new RegExp(`(?:(?<![一二三四五六七八九十两])(?:${N}|两)+|(?<!\\d)\\d{1,2})年(?:行动|攻坚)|百日(?:攻坚|行动)`, 'g'),
    description: 'Campaign names: 三年行动, 百日攻坚'
  },
  {
    id: 'top-list',
    pattern: /(?<![第一二三四五六七八九十])十大|十佳|百强|百佳/g,
    description: 'Award lists: 十大案例, 十佳, 百强'
  },
  {
    id: 'protection-grade',
    pattern: /[一二三]级(?:水源)?保护/g,
    description: 'Protection grades: 一级保护区, 二级保护区, 国家一级保护动物'
  },
  {
    id: 'project-phase',
    pattern: new RegExp(`(?<![第\\d一二三四五六七八九十])${N}+期(?!间)`, 'g'),
    description: 'Project phases, written with a Chinese numeral: 一期, 二期工程 (6期 stays a count)'
  },
  {
    id: 'numbered-organisation',
    pattern: new RegExp(`(?<!${N})${N}+局`, 'g'),
    description: 'Organisations numbered within a group: 中电建五局, 安能二局'
  },
  {
    id: 'emission-standard',
    pattern: /国[一二三四五六ⅠⅡⅢⅣⅤⅥ](?=及|排放|标准|阶段|柴油|汽油|燃油|货车|车|[ab、和])/g,
    description: 'Vehicle emission standards: 国三及以下, 国六排放标准'
  },
  {
    id: 'word-before-qian',
    pattern: /(?<![\d〇零一二三四五六七八九十两])[目当此之以提事日年月向超空从先汛会节赛岗]前/g,
    description: 'Words ending in 前, where 前 is not a rank: 目前3家, 提前2天, 汛前 (2025年前 keeps its year)'
  }
]

/** Every span of `text` that a built-in name covers, in text order (spans may overlap). */
export function nameSpans(text: string): Array<{ start: number; end: number; id: string }> {
  const spans: NameSpan[] = []
  for (const { id, pattern } of BUILT_IN_NAMES) {
    for (const match of text.matchAll(pattern)) {
      if (match[0] === '') continue
      spans.push({ start: match.index, end: match.index + match[0].length, id })
    }
  }
  return spans.sort((a, b) => a.start - b.start || a.end - b.end)
}

/**
 * The catalog of diagnostics: every problem factmark reports in content, with
 * its severity, what it means and how to fix it. Code reports a rule by id;
 * the rule reference in the docs is generated from this table, so the two
 * cannot drift.
 */
import type { Severity } from '../model/compiled.js'

export type { Severity }

export interface Rule {
  severity: Severity
  /** One line: what is wrong. */
  title: string
  /** Why it matters, for the rule reference. */
  explanation: string
  /** What the editor should do. */
  fix: string
}

export const rules = {
  'front-matter-invalid': {
    severity: 'error',
    title: 'Front matter is missing, malformed or breaks the report schema',
    explanation:
      'Every report starts with YAML front matter between two `---` lines that names the report and gives the default entity and period of its facts (schema/report.schema.json).',
    fix: 'Correct the YAML at the position shown; required keys are title, issuer, entity, period (quoted, e.g. "2025"), language and slug. A slug another report uses: give this report a slug of its own (its file name without .md), or remove it if it is a copy.'
  },
  'report-repeated': {
    severity: 'warning',
    title: 'Two reports have the same title, issuer, entity and period',
    explanation:
      "A report saved again under another file name, with a slug of its own, is published twice: its page, its rows in every table and its points in the series appear twice, and every figure it prints is a restatement of the other that no check questions. The copy is told: the report whose slug extends the other's (report-2024-copy of report-2024), else the one whose file is not named for its slug where the other's is (a draft beside report-2026.md), else the one whose file comes later by name.",
    fix: 'Remove the copy; if the two are different documents, give each the title it prints.'
  },
  'entity-variant': {
    severity: 'warning',
    title: 'A place is written one way here and another way in other reports',
    explanation:
      'A series has a line for each entity. A place written two ways (厦门 in one report, 厦门市 in the others) splits its series in two, and the checks across reports (restatements, changes against the levels, targets against outcomes) compare only the facts of one line, so a contradiction between the two goes unseen. Only a name without a place ending (省, 市, 区, 县…) beside the one name with it, or two spellings that differ in width, spaces or case, are taken for one place: 吉林省 and 吉林市 are two.',
    fix: 'Write the entity as the other reports do, in the front matter or in the entity= of the fact; if the two are different places, give the one without an ending its full name.'
  },
  'dimension-variant': {
    severity: 'warning',
    title: 'A member of a dimension is written one way here and another way in other reports',
    explanation:
      'A series has a line for each member of a dimension (each site=, each round=). A member written two ways (南门桥断面 in one report, 南门桥 断面 in another; 坂头-石兜水库 and 坂头—石兜水库) splits its line in two, and the checks across reports compare only the facts of one line, so a contradiction between the two goes unseen. Only spellings that differ in width, spaces, case or dashes are taken for one member.',
    fix: 'Write the member as the other reports do, in the attribute of the fact; if the two are different members, give them names that tell them apart.'
  },
  'registry-invalid': {
    severity: 'error',
    title: 'The metric registry is malformed or breaks its schema',
    explanation:
      'source/metrics.yaml declares every metric a fact may use (schema/metrics.schema.json). A metric or a calculation with an error is left out until it is mended: the facts of that metric are not checked (and told nothing), the reports are checked against the rest, and the checks across reports wait, as nothing is published. When the YAML does not read at all, nothing of the registry is known, and the reports are not checked.',
    fix: 'Correct the YAML, the key or the value at the position shown, as the message says: each metric takes label (zh and en), kind, unit and better, and may take range, dimensions and definition (schema/metrics.schema.json says what each holds, and the starter registry of factmark init shows every field).'
  },
  'missing-metric': {
    severity: 'error',
    title: 'A fact annotation has no metric',
    explanation: 'A fact is a figure of a metric; without `metric=` it cannot be compared, validated or published.',
    fix: 'Add `metric=<id>` with an id from source/metrics.yaml, e.g. `:fact[17.4]{metric=air.pm25}`.'
  },
  'unknown-metric': {
    severity: 'error',
    title: 'The metric is not in the registry',
    explanation:
      'Metrics form series across reports only if every report uses the ids declared in source/metrics.yaml.',
    fix: 'Use the id the message suggests or lists, or declare the metric in source/metrics.yaml; if the suggested id is the one misspelt (then no report uses it, and a metric-unused warning names it), correct it in the registry.'
  },
  'metric-undecided': {
    severity: 'error',
    title: 'A figure waits for an editor to choose its metric (metric=?)',
    explanation:
      '`factmark suggest --write` wraps a figure whose metric it cannot guess with confidence in `metric=?`, so that the figure is marked and nothing is published under a wrong metric. The fact has no metric until an editor names one.',
    fix: 'Replace `?` with a metric id from source/metrics.yaml (the message names the likeliest when the registry names any near the figure, and the metrics that declare the dimensions the annotation names, as site=…), declaring the metric there first when it has none. `factmark suggest --write --stubs` drafts a metric in the registry for each figure with `?` whose words name it, and writes its id in place of the `?`.'
  },
  'metric-draft': {
    severity: 'warning',
    title: 'A metric in the registry is a draft',
    explanation:
      '`factmark suggest --write --stubs` drafts a metric from one figure: its id, label, kind and unit are guesses, and its direction is neutral, or guessed from its name for a figure said to improve or worsen (改善, 恶化). Facts of a draft metric compile, but the metric should be confirmed before they are published as a series.',
    fix: 'Check the id, label (zh and en), kind, unit and better of the metric in source/metrics.yaml, add a definition, then remove `draft: true`.'
  },
  'label-unparseable': {
    severity: 'error',
    title: 'The figure in the label cannot be read',
    explanation:
      'The label `[...]` holds the figure exactly as printed; factmark reads its value, scale and unit from it (1159万吨, 99.2%, 第8, Ⅱ类, 三轮). An annotation with no label, or whose "[" is not closed before the paragraph ends (`:fact[92件{metric=…}`), is reported here too: to the parser it is a bare `:fact` followed by text, so neither its figure nor its attributes are read.',
    fix: 'Put only the figure inside the brackets, closed with "]" right after it, or give its value with `value=` when the text cannot carry it.'
  },
  'value-conflict': {
    severity: 'error',
    title: 'The value attribute disagrees with the label',
    explanation: 'The printed figure is the source of truth; `value=` is only for labels that cannot carry a value.',
    fix: 'Remove `value=`, or correct whichever of the two is wrong.'
  },
  'unit-unknown': {
    severity: 'error',
    title: 'The unit is not known',
    explanation:
      'Units are normalized to UCUM codes; factmark knows the units Chinese reports print (吨, 万立方米, 微克/立方米, 亩, 元, 分贝...).',
    fix: 'Write the unit as printed in the report (e.g. `unit=微克/立方米`).'
  },
  'unit-incompatible': {
    severity: 'error',
    title: 'The figure cannot be expressed in the metric’s unit',
    explanation:
      'Every fact of a metric is normalized to its canonical unit; a mass cannot be a volume, a count cannot be a percentage. Percentage points (个百分点) and places in a ranking (位) are a change, which says which way with aspect= (increase, decrease, improve or worsen): without it, 70.8个百分点 may be a level of 70.8% miswritten, and would be published as a change.',
    fix: 'Check that the metric is the right one, or that the label and `unit=` say what the report prints.'
  },
  'unit-conflict': {
    severity: 'error',
    title: 'The unit attribute disagrees with the unit in the label',
    explanation: 'When the label already prints a unit, `unit=` is redundant and must not contradict it.',
    fix: 'Remove `unit=`.'
  },
  'period-implausible': {
    severity: 'warning',
    title: 'A period lies far from the report’s own',
    explanation:
      'A report gives the levels and changes of its own period and earlier ones, and targets for the years ahead. A fact of a later year than the one after the report’s, a target more than 50 years ahead, or a fact more than 100 years before the report is most often a slip in period= (2204 for 2024); it is kept, but its series gets a point no report meant.',
    fix: 'Correct period= (or the report’s period in the front matter); if the year is right, nothing to do.'
  },
  'period-invalid': {
    severity: 'error',
    title: 'The period is not a valid ISO 8601 period',
    explanation:
      "Periods are years (2025), months (2025-11), days (2025-11-05) or intervals (2021/2024) so that facts line up across reports. The base of a change is a period that starts before the change's own and ends before it ends: a base of a later year, or of years that hold the change's own (base=2021/2025 for 2025), would put a level the report never printed in the series.",
    fix: 'Write the period as a year (2025), a month (2025-11), a day (2025-11-05) or an interval (2021/2024) that does not end before it starts; give a change the period it is measured from as base= (同比 in a report of 2025: base=2024).'
  },
  'unknown-dimension': {
    severity: 'error',
    title: 'The attribute is neither a fact attribute nor a dimension of the metric',
    explanation:
      'Besides metric, id, unit, value, period, entity, aspect and base, an annotation may only carry the dimensions its metric declares in source/metrics.yaml.',
    fix: 'Remove the attribute, correct its name, or declare the dimension on the metric.'
  },
  'dimension-missing': {
    severity: 'error',
    title: 'The fact names no member of a dimension its metric requires',
    explanation:
      'A dimension declared with `required: true` in source/metrics.yaml is one every fact of the metric names a member of: the metric is only ever given per member (the cases selected for each list), and has no total of its own. A fact without it would stand in the series as that total, a line no report meant.',
    fix: 'Name the member the figure is of (list=…); if the figure is a total, declare the dimension without `required: true`.'
  },
  'attribute-invalid': {
    severity: 'error',
    title: 'An attribute has a value factmark cannot use',
    explanation:
      'Attribute values must be from the documented set (aspect=level|start|target|change|increase|decrease) and must not be empty. An attribute block the parser cannot read (braces or quotes not closed, a space after a quote, a comma between attributes) leaves the annotation with no attributes at all; the message points where it broke, and the figures in those braces are not called untagged. Attributes are parted by spaces alone: an unquoted value that ends in a comma (aspect=increase, base=2024) would take it, and is refused.',
    fix: 'Do as the message says: use one of the values it lists, give the attribute once, or mend the braces or quotes where it points.'
  },
  'duplicate-id': {
    severity: 'error',
    title: 'Two facts have the same id',
    explanation: 'Fact ids key the JSON, the CSV and the links of the HTML page; each must be unique in its report.',
    fix: 'Give one of the facts another `id=`, or remove `id=` to let factmark derive one.'
  },
  'value-out-of-range': {
    severity: 'error',
    title: 'The value is outside the range its metric allows',
    explanation:
      'Each metric may declare an allowed range in source/metrics.yaml; a percentage must lie between 0 and 100 unless its metric says otherwise. A value outside is almost always a typo or the wrong metric. Changes are not checked, as they may be negative.',
    fix: 'Check the figure against the report; if the value is right, widen the range of the metric.'
  },
  'rank-exceeds-total': {
    severity: 'error',
    title: 'A rank is beyond the number of those ranked',
    explanation: 'A rank metric may name the count it is out of (`outOf`); 第170 among 168 cities cannot be.',
    fix: 'Check the rank and the count it is out of: one of them is wrong or belongs to another period or entity.'
  },
  'inconsistent-duplicate': {
    severity: 'error',
    title: 'The same fact is given twice with different values',
    explanation:
      'Facts with the same metric, aspect, period, entity and dimensions are duplicates. Duplicates must agree at the precision each was written with: 17.4 and 17 agree, 17.4 and 17.5 do not (the rule ESEF 2.2.4 applies to Inline XBRL, checked as Arelle does).',
    fix: 'Correct the wrong figure, or tell the two apart with a period, entity, aspect or dimension.'
  },
  'sum-mismatch': {
    severity: 'error',
    title: 'A total is not the sum of its parts',
    explanation:
      'Calculation rules in source/metrics.yaml say which facts add up to which total. The check allows for rounding: the total and the sum agree when their ranges at the written precision overlap (XBRL Calculations 1.1). It runs when the total and at least one part are tagged.',
    fix: 'Check each figure against the report; a part may be missing a dimension or carry the wrong one.'
  },
  'change-inconsistent': {
    severity: 'error',
    title: 'A change disagrees with the start and end values it connects',
    explanation:
      'When a start value, the level and the change of the same metric are all tagged, the level minus the start must equal the change (in percent of the start for a relative change), at the precision written.',
    fix: 'Check the three figures; the change may be year on year while the start is not the previous year.'
  },
  'change-contradicts-levels': {
    severity: 'error',
    title: 'A change disagrees with the levels published for its two periods',
    explanation:
      'A change measured against a period (同比提升2.1个百分点, 同比改善10.3%, 同比上升4位) must agree with the levels any report of the collection publishes for that period and for the period of the change, at the precision printed: 93.8% − 91.7% = 2.1 points; (2.34 − 2.61) / 2.61 = −10.3%; 第3 is 4 places above 第7. A change is measured from the levels its own report prints, where it prints them; else from the value that stands, or, while two reports disagree on it (restatement-conflict), from either. The message shows both levels and where they stand.',
    fix: 'Check the change and the two levels against the printed reports; one of them may belong to another period, entity or method, or a later report may revise a level (revises=).'
  },
  'change-contradicts-change': {
    severity: 'error',
    title: 'Two changes imply different values of a period no report publishes',
    explanation:
      'Where no report publishes the level of a period, a change measured to or from it and the level published at its other end imply it: 70.8% and 上升10.5个百分点 put 2023 at 60.3%. A second change of the same step that implies another value at the precision printed (上升10.2个百分点 from the same 70.8%, 60.6%) cannot be right with the first, though each agrees with the levels published; the series shows the value of the first, and the page of the second report another. It is told of each change after the first, in the order the reports came out, when both are measured from levels that agree (where the levels disagree, restatement-conflict tells). A later report that corrects the earlier one’s change says so with `revises=<slug>` on it, and is not told.',
    fix: 'Check both changes against the printed reports; one may be a typo, or belong to another period, base or entity; if the later one corrects the earlier, write revises=<slug of the earlier report> on it.'
  },
  'change-base-missing': {
    severity: 'warning',
    title: 'A change compared with an earlier period names no base',
    explanation:
      'A change whose words compare it with an earlier period (同比, 比上年, 较2024年) but whose annotation has no `base=` is published with no period it is measured from: no check across reports reads it against the levels of its two periods, and the series cannot place it, so a wrong figure passes unseen.',
    fix: 'Add `base=` the period the words name: the year before the change for 同比 and 比上年 (`base=2024` for a change of 2025), the year named for 较2024年. `factmark suggest` proposes it for figures it annotates.'
  },
  'figure-cut-short': {
    severity: 'error',
    title: 'The figure goes on after its annotation',
    explanation:
      'A label that ends before its figure does publishes another value than the report prints: :fact[百分之九十九]{…}点五 is 99% where the report says 99.5%, :fact[九成]{…}五 is 90% for 95%, :fact[17]{…}.4 is 17 for 17.4, :fact[二点三]{…}一 is 2.3 for 2.31. A point and its fraction (点五, .4), more digits of a fraction or a number (一 after 二点三, 1 after 2.3, 5 after 9), and the hundredth after 成 are looked for right after the closing bracket.',
    fix: 'Put the whole figure inside the brackets: the message shows the label it should have (:fact[百分之九十九点五]{…} for :fact[百分之九十九]{…}点五).'
  },
  'change-base-unpublished': {
    severity: 'info',
    title: 'A change is measured against a period no report publishes',
    explanation:
      'When no report of the collection publishes the level of the base period of a change, the change cannot be checked; the base is inferred from the level and the change and marked inferred, with its derivation, in the series. This is information, not a problem: adding the report of that period turns the inference into a check.',
    fix: 'Nothing to do; add the report or fact sheet of the base period to check the change.'
  },
  'restatement-conflict': {
    severity: 'error',
    title: 'Two reports publish different values for the same figure',
    explanation:
      'The same metric, period, entity and dimensions published with values that disagree at the precision printed (2.61 in one report, 2.60 in the next: no value rounds to both, though their ranges meet at 2.605) would give the series two values for one point. A figure printed with a bound allows every value on its open side: 98%以上 in a brief agrees with the 99.2% of the summary, which then stands in the series, and disagrees with 97.4%. Reports are taken in the order they were published (front matter `published`, else the latest date of their `sources`, else their period). A later report that corrects an earlier one says so with `revises=<slug>` on the fact; the series then shows the revised value and the value it replaces. Where a report gives no date and its period cannot tell which came out first (a summary of 2024 beside a fact sheet dated 2025-02-18), or two reports are dated the same day, the message does not say which report is wrong. While two reports disagree on a level, a change measured from it is checked against either value, and told only when it agrees with neither.',
    fix: 'Correct the fact that was copied wrongly, or add `revises=<slug of the earlier report>` to the later one if it is a revision; give a report that has none its date of publication (`published:` in its front matter).'
  },
  'revises-unmatched': {
    severity: 'info',
    title: 'A revision names no earlier report that prints the figure',
    explanation:
      'A fact with `revises=<slug>` says it corrects the value an earlier report printed, and the series shows both. When no earlier report of the collection with that slug prints the same metric, period, entity and dimensions, there is nothing to show beside it: the slug may be misspelled, or the report it revises is not in the collection. When that report prints the figure but came out later (by `published`), the message says so: a report revises only one that came out before it. Of two reports whose order is not known (the same day, or the same period and no date), the one that says it revises the other is taken as the later. A revision whose value differs from what an earlier report printed, naming another report, is a restatement-conflict instead. A change that says it revises a report (`revises=` on 同比下降5.6%) is told alike when no earlier report of that slug states the change of the same metric, period, base, entity and dimensions.',
    fix: 'Check the slug in `revises=`; add the report it revises to the collection, or remove `revises=` if the value is printed here first.'
  },
  'target-conflict': {
    severity: 'warning',
    title: 'Two reports give one target different values',
    explanation:
      'A target (aspect=target) for a period, entity and dimensions that an earlier report gives another value or bound (不低于99.2% in the plan of 2024, 不低于99.0% where the report of 2025 recalls it): one of them is a typo, or the target was changed. The series lists both targets and evaluates each, so a reader sees one met and the other missed without a word of why. Targets whose printed values may be the same (99% and 99.0%) agree. A later report that changes a target says so with revises=<slug> of the report it changes, as a revised level does.',
    fix: 'Correct the typo, or add `revises=<slug>` to the later target when the target was changed.'
  },
  'target-missed': {
    severity: 'info',
    title: 'A target was missed',
    explanation:
      'Every target (aspect=target) is evaluated against the outcome that a report of the collection publishes, or that follows from a published level and change, for the same metric, period, entity and dimensions: 不低于 is a minimum, 不高于 and 保十争先 a maximum, a target without a bound is met by its value or better. A missed target is a finding that the series page shows to readers, not an error in the sources.',
    fix: 'Nothing to fix if the figures are right; check the period and dimensions of the target and of the outcome otherwise.'
  },
  'target-pending': {
    severity: 'info',
    title: 'A target has no outcome yet',
    explanation:
      'No report of the collection publishes or implies the outcome for the period of the target, so it can be neither met nor missed yet. The series shows it as pending until the report of that period is added.',
    fix: 'Nothing to do until the outcome is published.'
  },
  'annotation-hazard': {
    severity: 'error',
    title: 'A full-width character breaks an annotation',
    explanation:
      'Chinese input methods type full-width punctuation: ：【】［］｛｝ and the ideographic space look like : [ ] { } and a space but are not, so the annotation silently stays text or its attributes run together.',
    fix: 'Retype the marked character in half-width (ASCII): `:fact[17.4]{metric=air.pm25 unit=微克/立方米}`.'
  },
  'fact-typo': {
    severity: 'error',
    title: 'A directive name looks like a misspelt fact',
    explanation:
      'Directives factmark does not know stay text, so `:fcat[17.4]{...}` would publish the annotation itself and tag nothing.',
    fix: 'Spell the directive `:fact`.'
  },
  'untagged-figure': {
    severity: 'warning',
    title: 'A figure in the text carries no annotation',
    explanation:
      'A report is only as useful as its data is complete: every number that quantifies something should be a fact. `factmark suggest` lists these figures with a proposed annotation; `check --min-coverage` fails below a share of tagged figures.',
    fix: 'Annotate the figure (`factmark suggest` proposes one), or add a phrase around it to `ignore:` in the front matter if it deliberately carries no data.'
  },
  'ignore-unused': {
    severity: 'warning',
    title: 'An ignore phrase in the front matter matches no figure',
    explanation:
      'Phrases under `ignore:` mark figures that are deliberately left untagged; one that matches nothing is stale and hides nothing.',
    fix: 'Remove the phrase, or correct it to the text around the figure it is meant to cover.'
  },
  'metric-unused': {
    severity: 'warning',
    title: 'A metric in the registry is used by no report',
    explanation:
      'The registry is the shared taxonomy; metrics nobody uses are either stale or waiting for annotations.',
    fix: 'Annotate the figures of this metric, or remove it from source/metrics.yaml.'
  },
  'metric-definition-missing': {
    severity: 'warning',
    title: 'A metric in the registry has no definition',
    explanation:
      'A label names a metric; a definition says what it measures, over what and by which method (the coastal good-water share by sea area is not the share by monitoring points). Editors need it to decide whether a figure of another year or report is the same measure and so belongs to the same series, and readers see it beside the figure.',
    fix: 'Add `definition: { zh: …, en: … }` to the metric in source/metrics.yaml: one or two sentences on what is counted or measured, over what, and how.'
  },
  'bundle-invalid': {
    severity: 'error',
    title: 'The compiled bundle breaks its own schema',
    explanation:
      'Every facts.json is validated against schema/bundle.schema.json before it is written. A failure here is a bug in factmark, not in the report.',
    fix: 'Report the message to the factmark maintainers with the annotation that triggers it.'
  },
  'fact-not-inline': {
    severity: 'error',
    title: 'A fact annotation is not inline',
    explanation:
      'Facts annotate a figure inside running text, as a text directive `:fact[...]{...}`; block forms (`::fact`, `:::fact`) are not facts. (One annotation inside the label of another is: one figure that states several metrics is a fact of each.)',
    fix: 'Write the annotation inline around the figure, with one colon: `:fact[17.4]{metric=air.pm25}`.'
  },
  'aspect-contradicts-words': {
    severity: 'warning',
    title: "A change's aspect= goes the other way than the words before it",
    explanation:
      "The verb right before a change (同比提升, 下降, 改善, 恶化 and the like, within its clause) says which way the number moved; aspect= says it for the data. When they disagree, the page prints 下降 beside a chart of a rise, and the level the series infers for the year before is off by twice the change. 改善 and 恶化, and aspect=improve or worsen, move the number by the metric's better (an index falls as it improves); a metric whose better is neutral is not checked against them. 提升至 and 下降到 name the level reached, and are not read.",
    fix: 'Correct whichever is wrong: aspect= (increase, decrease, improve or worsen), or the word in the text.'
  },
  'figure-shared': {
    severity: 'warning',
    title: 'A figure said of several things is tagged for fewer of them',
    explanation:
      'After 均 (均为, 均保持, 均达到…), 双双 or 都, with up to two words such as 首次 or 稳定 between, a figure is said of each thing named before it: 危险废物处置率、医疗废物处置率均为100% states two rates, 甲水库、乙水库水质类别双双首次提升为Ⅱ类 the class of two reservoirs. The things are named apart by 、, 和, 与, 及 or 以及: 小流域省控及“以奖促治”断面水质达标率均保持100% states two. A count of the figures that counts the things named says each too: 饮用水水源地、主要流域国省控断面、小流域省考及“以奖促治”断面水质达标率保持“四个100%” states four. One annotation makes it a fact of one of them; the other is lost, and the coverage counts the figure as tagged all the same.',
    fix: 'Annotate the figure once for each thing, one annotation in the label of the other: `均为:fact[:fact[100%]{metric=waste.medical_disposal_ratio}]{metric=waste.hazardous_disposal_ratio}`; for sites or entities, `site=` or `entity=` on each.'
  },
  'input-limit': {
    severity: 'error',
    title: 'The report goes past a limit on its size or shape',
    explanation:
      'The Markdown parser spends time that grows with the square of some shapes of text, and the compiler walks trees as deep as the text nests, so a few shapes are limited: a report is at most 8 MB (8 MiB of UTF-8 text, front matter included); block quotes and lists nest at most 32 deep on one line; one top-level block (a list, a block quote) holds at most 1,000 nested items; one paragraph has at most 1,000 runs of `*` or `_` that could close emphasis (an underscore inside a word, as in `air.aqi_rank`, cannot); and emphasis, links and annotation labels nest at most 100 deep. Real reports stay far below each limit. A report beyond one is not compiled, and the message names the limit and where it is passed.',
    fix: 'Split the report, the list or the paragraph as the message says, or flatten the nesting.'
  },
  'value-too-precise': {
    severity: 'error',
    title: 'The value has more digits than factmark can keep exactly',
    explanation:
      'Values are published as JSON numbers, which programs read as double-precision numbers: these hold any decimal of 15 significant digits exactly, and no more. factmark applies scales and units to the digits as written in exact arithmetic and never rounds a value to make it fit: 17.41234567890123 (16 digits) is refused rather than published as 17.4123456789012. The same holds for a value= attribute, for a value that a unit conversion gives more digits (× 365.25 from a day to a year), and for values too close to zero (below about 1e-307). Only a conversion with no finite decimal result, as from 亩 to m² (× 2000/3), rounds, to 15 significant digits.',
    fix: 'Check the figure: a report rarely prints more than 15 significant digits on purpose. Print it with at most 15 (round it in the report text), or leave it unannotated and add it to `ignore:`.'
  },
  'encoding-not-utf8': {
    severity: 'warning',
    title: 'The file is not saved as UTF-8',
    explanation:
      'factmark reads UTF-8. A file saved as GB18030 (or GBK or GB2312, which Chinese Windows calls ANSI) or as UTF-16 with a byte order mark (which Windows calls Unicode) is read in that encoding, with this warning once per file, so that the build goes on; other tools that read the sources would still misread it. A file that is not valid UTF-8 is taken for GB18030 only when it decodes cleanly as GB18030 and at least 80% of its Chinese characters are GB2312’s common characters and punctuation, as running Chinese text is; anything else is an `encoding-invalid` error.',
    fix: 'Save the file as UTF-8 in your editor, or convert it with `iconv -f GB18030 -t UTF-8 report.md > report.utf8.md` (`-f UTF-16` for UTF-16) and put the result in its place.'
  },
  'encoding-invalid': {
    severity: 'error',
    title: 'The file is not valid UTF-8',
    explanation:
      'factmark reads UTF-8, and GB18030 or UTF-16 with a warning. Bytes in any other encoding would come out as replacement characters (�) and wrong text in the data, so the file is not compiled at all; the position is that of the first byte that cannot be read.',
    fix: 'Find out which encoding the file is in (`file -i report.md`) and save it as UTF-8.'
  },
  'control-character': {
    severity: 'error',
    title: 'A control character or noncharacter stands in the text or in a YAML value',
    explanation:
      'Control characters (U+0000 to U+001F except tab, line feed and carriage return, and U+007F to U+009F) are invisible in editors and mean nothing in a report, its front matter or the registry; in published data they become commands to the terminals and programs that show it. The same holds for noncharacters (U+FDD0 to U+FDEF, U+FFFE, U+FFFF and the last two code points of every plane) and for a half of a surrogate pair standing alone. A YAML escape such as `"\\0"` or `"\\x1b"` writes one too, and is reported at its value. A file full of U+0000 is usually UTF-16 saved without a byte order mark. The first 10 of a file are reported, then their number.',
    fix: 'Delete the character (an editor shows it when set to render control characters), or remove the escape from the YAML value.'
  },
  'source-skipped': {
    severity: 'warning',
    title: 'A path among the sources is not a file factmark reads',
    explanation:
      'Reports are regular files. factmark does not open a named pipe, socket or device named *.md (reading one can block the build forever), does not compile a folder named *.md, and does not follow a symbolic link that leads out of the folder it stands in (a link to a private file would show its text in diagnostics and publish it). Such a path is left out of the build with this warning, reported at line 1, column 1 of the path; as its facts are missing, unused metrics are not reported. The same checks apply to report files named on the command line, and to the registry, where they stop the run.',
    fix: 'Remove the path from the source folder, or rename it so that it does not end in .md; for a link, put a copy of the file it points to in its place.'
  },
  'source-nested': {
    severity: 'warning',
    title: 'A report stands in a folder inside the source folder, where it is not read',
    explanation:
      'A build compiles the reports that stand in the source folder itself, beside metrics.yaml, and publishes each as a folder of the site named by its slug. A report in a folder inside it (source/2024/report.md) is not compiled and not published; without this warning it would be missing from the site, its series and its checks against the other reports without a word, as when a collection is sorted into a folder a year. Each such file is named at line 1, column 1. A report that a link in the source folder leads to is read through the link and not named; folders whose names start with a dot (.git, .obsidian) and node_modules are not looked into, nor are links to folders. The reports that are read are checked as usual, and unused metrics are still reported: the report left out is no source of the build.',
    fix: 'Move the report into the source folder itself to publish it, or out of the source folder if it is a draft or a copy that is not to be published.'
  }
} as const satisfies Record<string, Rule>

export type RuleId = keyof typeof rules

// One text of each: a build of ten thousand reports gives 30,000 messages a link.
const urls = new Map<RuleId, string>()

/** Where the rule reference lives, relative to the repository. */
export function ruleUrl(id: RuleId): string {
  let url = urls.get(id)
  if (url === undefined) urls.set(id, (url = `docs/rules.md#${id}`))
  return url
}

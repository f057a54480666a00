import { createHash } from 'node:crypto'
import path from 'node:path'
import type { Point, Position } from 'unist'
import { report } from '../diagnostics/report.js'
import type { RuleId } from '../diagnostics/rules.js'
import { loadRegistry, readRegistry, type LoadedRegistry } from '../load/registry.js'
import { openSource } from '../load/source-file.js'
import { parseYaml, type YamlSource } from '../load/yaml-source.js'
import type { RelatedPlace, Registry, SourceText } from '../model/compiled.js'
import type { Metric } from '../model/schema-types.js'
import { keepJson, markUsed, readKept } from './cache-folder.js'
import { factmarkDigest } from './factmark-digest.js'

/** A registry as the cache keeps it: its metrics as entries. */
export interface KeptRegistry {
  metrics: Array<[string, Metric]>
  calculations: Registry['calculations']
}

export function keptRegistry({ metrics, calculations }: Registry): KeptRegistry {
  return { metrics: [...metrics], calculations }
}

export function registryFromKept({ metrics, calculations }: KeptRegistry): Registry {
  return { metrics: new Map(metrics), calculations }
}

/** A valid registry as `check` keeps it: with its messages, and where each metric's key stands. */
interface CheckedRegistry extends KeptRegistry {
  messages: Array<{ ruleId: RuleId; reason: string; place?: Point | Position; related?: RelatedPlace[] }>
  keys: Record<string, Position>
}

/**
 * The registry as loadRegistry reads it, kept in the cache folder by a digest of factmark and of
 * its path and bytes. Parsing its YAML and checking it was a fifth of `factmark check` of one
 * report (about 0.1 s as a new process): a registry checked before is read from JSON, with its
 * messages. Where a key stands is kept for each metric, which is all the rules across reports ask
 * (for an unused one); anything else is found by parsing the YAML then. A registry with errors is
 * not kept: it is read again until it is mended.
 */
export function checkedRegistry(source: SourceText, cache: { folder: string; reuse: boolean }): LoadedRegistry {
  const opened = openSource(source.path, source.text)
  if (!opened.readable || source.unreadSize !== undefined) return loadRegistry(source.path, source.text)
  const { file, text } = opened
  const key = createHash('sha256')
    .update(factmarkDigest(cache.folder))
    .update(`${source.path}\0`)
    .update(source.text)
    .digest('hex')
  const kept = path.join(cache.folder, 'checked-registry', `${key}.json`)
  const found = cache.reuse ? (readKept(kept) as CheckedRegistry | undefined) : undefined
  if (found) {
    markUsed([kept])
    for (const { ruleId, reason, place, related } of found.messages) report(file, ruleId, reason, place, related)
    let yaml: YamlSource | undefined
    const locate: YamlSource['locate'] = (at, part) => {
      const [top, id] = at
      if (
        at.length === 2 &&
        top === 'metrics' &&
        part === 'key' &&
        typeof id === 'string' &&
        Object.hasOwn(found.keys, id)
      )
        return found.keys[id] as Position
      yaml ??= parseYaml(text)
      return yaml.locate(at, part)
    }
    return { file, registry: registryFromKept(found), locate }
  }
  const before = file.messages.length
  const loaded = readRegistry(file, text)
  if (loaded.registry) {
    const checked: CheckedRegistry = {
      ...keptRegistry(loaded.registry),
      messages: file.messages.slice(before).map((message) => ({
        ruleId: message.ruleId as RuleId,
        reason: message.reason,
        ...(message.place && { place: message.place }),
        ...(message.related && { related: message.related })
      })),
      keys: Object.fromEntries(
        [...loaded.registry.metrics.keys()].map((id) => [id, loaded.locate(['metrics', id], 'key')])
      )
    }
    try {
      keepJson(kept, checked)
    } catch {
      // A cache folder that cannot be written to costs the next check time, not this one its result.
    }
  }
  return loaded
}

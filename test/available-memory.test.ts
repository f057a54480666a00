import { describe, expect, test } from 'vitest'
import { memoryAllowed } from '../src/build/available-memory.js'
import { hybrid, unified } from './helpers/control-groups.js'

const GB = 1024 ** 3
const machine = 64 * GB

// prettier-ignore
const cases: Array<[string, Record<string, string>, number]> = [
  ['no control groups to read (not Linux)', {}, machine],
  ['a container limited to 1 GB (docker --memory=1g), cgroup v2', { '/proc/self/cgroup': '0::/\n', '/proc/self/mountinfo': unified, '/sys/fs/cgroup/memory.max': `${GB}\n` }, GB],
  ['no limit (max)', { '/proc/self/cgroup': '0::/\n', '/proc/self/mountinfo': unified, '/sys/fs/cgroup/memory.max': 'max\n' }, machine],
  ['a limit above the machine', { '/proc/self/cgroup': '0::/\n', '/proc/self/mountinfo': unified, '/sys/fs/cgroup/memory.max': `${128 * GB}\n` }, machine],
  [
    'the limit of a group above the process own',
    {
      '/proc/self/cgroup': '0::/ci.slice/job.scope\n',
      '/proc/self/mountinfo': unified,
      '/sys/fs/cgroup/ci.slice/memory.max': `${2 * GB}\n`,
      '/sys/fs/cgroup/ci.slice/job.scope/memory.max': 'max\n'
    },
    2 * GB
  ],
  [
    'cgroup v1: the memory controller limit',
    {
      '/proc/self/cgroup': '11:memory:/job\n4:cpu,cpuacct:/\n0::/\n',
      '/proc/self/mountinfo': hybrid,
      '/sys/fs/cgroup/memory/job/memory.limit_in_bytes': `${3 * GB}\n`
    },
    3 * GB
  ],
  [
    'cgroup v1 with no limit (near 2^63)',
    { '/proc/self/cgroup': '11:memory:/\n', '/proc/self/mountinfo': hybrid, '/sys/fs/cgroup/memory/memory.limit_in_bytes': '9223372036854771712\n' },
    machine
  ],
  [
    'a cpu group is not the memory controller',
    { '/proc/self/cgroup': '4:cpu,cpuacct:/\n', '/proc/self/mountinfo': hybrid, '/sys/fs/cgroup/cpu,cpuacct/memory.limit_in_bytes': `${GB}\n` },
    machine
  ],
  ['a file that says nothing readable', { '/proc/self/cgroup': '0::/\n', '/proc/self/mountinfo': unified, '/sys/fs/cgroup/memory.max': 'lots\n' }, machine]
]

describe('the memory a build may take', () => {
  test.each(cases)('%s', (_name, files, expected) => {
    expect(memoryAllowed(machine, (file) => files[file])).toBe(expected)
  })
})

import { describe, expect, test } from 'vitest'
import { coresAllowed } from '../src/build/available-cores.js'
import { hybrid, mount, unified } from './helpers/control-groups.js'

// prettier-ignore
const cases: Array<[string, number, Record<string, string>, number]> = [
  ['no control groups to read (not Linux)', 8, {}, 8],
  ['a container limited to 2 CPUs (docker --cpus=2), cgroup v2', 64, { '/proc/self/cgroup': '0::/\n', '/proc/self/mountinfo': unified, '/sys/fs/cgroup/cpu.max': '200000 100000\n' }, 2],
  ['no limit (max)', 64, { '/proc/self/cgroup': '0::/\n', '/proc/self/mountinfo': unified, '/sys/fs/cgroup/cpu.max': 'max 100000\n' }, 64],
  ['a limit of a core and a half is one core', 64, { '/proc/self/cgroup': '0::/\n', '/proc/self/mountinfo': unified, '/sys/fs/cgroup/cpu.max': '150000 100000\n' }, 1],
  ['half a core is still one', 64, { '/proc/self/cgroup': '0::/\n', '/proc/self/mountinfo': unified, '/sys/fs/cgroup/cpu.max': '50000 100000\n' }, 1],
  ['a limit above the CPUs the process may run on', 2, { '/proc/self/cgroup': '0::/\n', '/proc/self/mountinfo': unified, '/sys/fs/cgroup/cpu.max': '800000 100000\n' }, 2],
  [
    'the limit of a group above the process own',
    16,
    {
      '/proc/self/cgroup': '0::/ci.slice/job.scope\n',
      '/proc/self/mountinfo': unified,
      '/sys/fs/cgroup/ci.slice/cpu.max': '300000 100000\n',
      '/sys/fs/cgroup/ci.slice/job.scope/cpu.max': 'max 100000\n'
    },
    3
  ],
  [
    "a group named by the host's path, the mount showing the container's own",
    16,
    { '/proc/self/cgroup': '0::/docker/4f2a\n', '/proc/self/mountinfo': mount('/docker/4f2a', '/sys/fs/cgroup', 'cgroup2'), '/sys/fs/cgroup/cpu.max': '400000 100000\n' },
    4
  ],
  [
    'cgroup v1: the quota and period of the cpu controller',
    32,
    {
      '/proc/self/cgroup': '12:cpuset:/\n4:cpu,cpuacct:/\n0::/\n',
      '/proc/self/mountinfo': hybrid,
      '/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us': '200000\n',
      '/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us': '100000\n'
    },
    2
  ],
  [
    'cgroup v1 with no quota (-1)',
    32,
    {
      '/proc/self/cgroup': '4:cpu,cpuacct:/\n0::/\n',
      '/proc/self/mountinfo': hybrid,
      '/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us': '-1\n',
      '/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us': '100000\n'
    },
    32
  ],
  [
    'a cpuset group is not the cpu controller',
    32,
    { '/proc/self/cgroup': '12:cpuset:/\n', '/proc/self/mountinfo': hybrid, '/sys/fs/cgroup/cpuset/cpu.cfs_quota_us': '100000\n', '/sys/fs/cgroup/cpuset/cpu.cfs_period_us': '100000\n' },
    32
  ],
  [
    'a mount point written with escapes (a space is \\040)',
    16,
    { '/proc/self/cgroup': '0::/\n', '/proc/self/mountinfo': mount('/', '/mnt/control\\040groups', 'cgroup2'), '/mnt/control groups/cpu.max': '200000 100000\n' },
    2
  ],
  ['a file that says nothing readable', 16, { '/proc/self/cgroup': '0::/\n', '/proc/self/mountinfo': unified, '/sys/fs/cgroup/cpu.max': 'lots\n' }, 16],
  ['no cgroup2 mount', 16, { '/proc/self/cgroup': '0::/\n', '/proc/self/mountinfo': '', '/sys/fs/cgroup/cpu.max': '100000 100000\n' }, 16]
]

describe('the cores a build may keep busy', () => {
  test.each(cases)('%s', (_name, cpus, files, expected) => {
    expect(coresAllowed(cpus, (file) => files[file])).toBe(expected)
  })
})

/** mountinfo's line for a mount: `id parent dev root point options - type source super-options`. */
export const mount = (root: string, point: string, type: string, options = 'rw') =>
  `35 24 0:30 ${root} ${point} rw,nosuid,nodev,noexec,relatime shared:9 - ${type} ${type} ${options}`

/** A machine with the unified hierarchy (cgroup v2) alone, as most are now. */
export const unified = mount('/', '/sys/fs/cgroup', 'cgroup2', 'rw,nsdelegate,memory_recursiveprot')

/** A machine with the v1 hierarchies and the unified one beside them. */
export const hybrid = [
  mount('/', '/sys/fs/cgroup/memory', 'cgroup', 'rw,memory'),
  mount('/', '/sys/fs/cgroup/cpu,cpuacct', 'cgroup', 'rw,cpu,cpuacct'),
  mount('/', '/sys/fs/cgroup/cpuset', 'cgroup', 'rw,cpuset'),
  mount('/', '/sys/fs/cgroup/unified', 'cgroup2', 'rw')
].join('\n')

import { initProject } from '../../scaffold/init.js'
import { formatInit } from '../format/scaffold.js'
import { exit, type Call } from '../command-line.js'

export async function run({ files, values, io }: Call): Promise<number> {
  if (files.length > 0) {
    io.stderr(`factmark: init takes no files; it starts a project in the current folder\n`)
    return exit.usage
  }
  const initialized = await initProject({ src: values.src, cwd: io.cwd })
  if (!initialized.ok) {
    io.stderr(`factmark: ${initialized.error}\n`)
    return exit.usage
  }
  io.stdout(formatInit(initialized.value, values.src))
  return exit.ok
}

import { main, type Io } from '../../src/cli/main.js'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Run the command line in a folder, as a user would, and keep what it printed. */
export async function runCli(cwd: string, ...argv: string[]): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const io: Io = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), cwd }
  const code = await main(argv, io)
  return { code, stdout, stderr }
}

import { verify } from '../../verify/verify.js'
import { formatVerify, verifyFailure } from '../format/verify.js'
import { exit, type Call } from '../command-line.js'

export async function run({ files, format, io }: Call): Promise<number> {
  if (files.length > 1) {
    io.stderr(`factmark: verify checks one folder, not ${files.length}\n`)
    return exit.usage
  }
  const result = await verify({ dir: files[0] ?? 'dist', cwd: io.cwd })
  io.stdout(formatVerify(result, format))
  const failure = verifyFailure(result)
  if (failure !== undefined) io.stderr(`factmark: ${failure}\n`)
  return result.status === 'valid' ? exit.ok : result.status === 'invalid' ? exit.invalid : exit.usage
}

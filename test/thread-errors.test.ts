import { describe, expect, test } from 'vitest'
import { carryingErrors, thrownAgain } from '../src/build/thread-errors.js'
import { FactmarkError } from '../src/model/factmark-error.js'
import { isNodeError } from '../src/model/node-error.js'

/** What a task on a worker thread gives back, as the build's thread receives it: a structured clone. */
async function acrossThreads<T>(run: () => T | Promise<T>): Promise<T> {
  return thrownAgain(structuredClone(await carryingErrors(run)))
}

const thrownBy = async (run: () => unknown): Promise<unknown> => {
  try {
    await acrossThreads(run)
  } catch (error) {
    return error
  }
  throw new Error('nothing was thrown')
}

describe('errors a user can act on, as they cross back from a thread', () => {
  test('a result crosses as it is', async () => {
    expect(await acrossThreads(() => ({ key: 'a', unit: { facts: 3 } }))).toEqual({ key: 'a', unit: { facts: 3 } })
  })

  test('a file system error keeps its code, path and call (a bare clone keeps only the message)', async () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
      path: '/site/.dist-new-1/a/index.html',
      syscall: 'write'
    })
    expect(isNodeError(structuredClone(full))).toBe(false)
    const error = await thrownBy(() => {
      throw full
    })
    expect(isNodeError(error, 'ENOSPC')).toBe(true)
    expect(error).toMatchObject({
      message: 'ENOSPC: no space left on device, write',
      path: '/site/.dist-new-1/a/index.html',
      syscall: 'write'
    })
  })

  test("factmark's own refusal keeps its code and place", async () => {
    const error = await thrownBy(() => {
      throw new FactmarkError('FACTMARK_SAVED_AGAIN', 'a.md was saved again', { place: { path: 'a.md', line: 3 } })
    })
    expect(error).toBeInstanceOf(FactmarkError)
    expect(error).toMatchObject({
      code: 'FACTMARK_SAVED_AGAIN',
      message: 'a.md was saved again',
      place: { path: 'a.md', line: 3 }
    })
  })

  test('any other error is a bug, thrown as it was', async () => {
    const error = await thrownBy(() => {
      throw new TypeError('undefined is not a function')
    })
    expect(error).toBeInstanceOf(TypeError)
    expect(isNodeError(error)).toBe(false)
  })
})

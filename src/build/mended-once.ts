/**
 * What `make` gives; if it stops with an error `isDamage` knows (something kept in the cache that
 * cannot be read), what it gives once `mend` has made that again. Checking every entry before
 * would read each one twice in every build: a whole cache is read once, a damaged one twice.
 */
export async function mendedOnce<T>(
  make: () => T | Promise<T>,
  isDamage: (error: unknown) => boolean,
  mend: () => Promise<void> | void
): Promise<T> {
  try {
    return await make()
  } catch (error) {
    if (!isDamage(error)) throw error
    await mend()
    return make()
  }
}

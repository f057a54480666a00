import fc from 'fast-check'

// Every property of the suite draws its cases from one seed, which vitest.config.ts takes from the
// commit tested: a run on a clone gives what CI gives on the same commit, and a failure is replayed
// with the seed it prints (FACTMARK_FUZZ_SEED=<seed>); each commit still tries other cases.
const seed = process.env['FACTMARK_FUZZ_SEED']
if (seed !== undefined && seed !== 'random') fc.configureGlobal({ seed: Number(seed) })

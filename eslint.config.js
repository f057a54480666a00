// Type-aware rules catch what the compiler lets through: promises nobody
// awaits, `any` leaking out of a library call, conditions that are always
// true, switches that miss a case.
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['lib/', 'dist/', 'node_modules/', 'coverage/', 'src/model/schema-types.ts'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: { allowDefaultProject: ['*.ts', '*.js'] }, tsconfigRootDir: import.meta.dirname }
    },
    rules: {
      // Numbers and booleans print as expected in messages; objects and undefined do not.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // `() => void other()` is how a callback discards a result on purpose.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Spreading a string gives its code points, which is how Chinese figures are read character by character.
      '@typescript-eslint/no-misused-spread': 'off',
      // No function may grow back into a knot of branches (makeFact had 39, a scanner 63); ESLint's
      // own default, which compileSources (19) and guessMetric (18) come closest to.
      complexity: ['error', 20],
      // A leading underscore names what destructuring leaves out on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }
      ]
    }
  },
  {
    // JSON.parse, YAML's toJS and vitest's asymmetric matchers (expect.anything()) are typed any:
    // a test asserts their shape at run time instead.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      // readJson<Catalog>(path): a test names the shape it reads.
      '@typescript-eslint/no-unnecessary-type-parameters': 'off'
    }
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked
  }
)

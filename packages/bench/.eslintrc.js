module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  rules: {
    // The benchmark runs from source, never bundled (so `__dirname` holds),
    // and measures the backend plugin's internals in-process: its sync
    // engine, store and router as the plugin wires them.
    'no-restricted-syntax': 'off',
    '@backstage/no-forbidden-package-imports': 'off',
    '@backstage/no-mixed-plugin-imports': 'off',
  },
});

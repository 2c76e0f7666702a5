// For backend modules whose tests run against the backend plugin's own
// harness (its real sync engine, store and local AWS endpoint): their tests
// and test utilities may import it.
module.exports = {
  files: ['src/__testUtils__/**', 'src/**/*.test.ts'],
  rules: {
    '@backstage/no-forbidden-package-imports': 'off',
    '@backstage/no-mixed-plugin-imports': 'off',
  },
};

module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  rules: {
    // Helpers named expect* assert; supertest's `.expect(status)` asserts.
    'jest/expect-expect': ['warn', { assertFunctionNames: ['expect', 'expect*', 'get.expect'] }],
  },
});

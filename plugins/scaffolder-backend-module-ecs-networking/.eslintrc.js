module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  overrides: [require('../../scripts/eslintHarnessOverride.cjs')],
});

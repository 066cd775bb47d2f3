#!/usr/bin/env node
// Prints `tests: N passed, N failed` from jest --json result files and exits
// non-zero when anything failed (a suite that could not run counts as one failure).
const fs = require('node:fs');

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) {
    failed += 1;
    console.error(`missing jest result ${file}`);
    continue;
  }
  const result = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  for (const suite of result.testResults) {
    const ran = suite.assertionResults && suite.assertionResults.length > 0;
    if (suite.status === 'failed' && !ran) {
      failed += 1;
      console.error(`suite failed to run: ${suite.name}\n${(suite.message || '').slice(0, 2000)}`);
    }
  }
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

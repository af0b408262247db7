// Prints the closing "N passed, N failed[, N skipped]" line from the vitest and Playwright JSON reports.
// A step that failed before its tests ran (lint, typecheck, build, size budget) counts as one failure.
import { readFileSync, existsSync } from 'node:fs';

// Outside test-results/: Playwright empties that folder when it starts, which would drop the unit report.
const UNIT = '.cache/reports/unit.json';
const E2E = '.cache/reports/e2e.json';
// The journeys in Firefox and WebKit (playwright.engines.config.ts), counted with the Chromium suite.
const ENGINES = '.cache/reports/engines.json';
const status = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
let skipped = 0;

if (existsSync(UNIT)) {
  const unit = JSON.parse(readFileSync(UNIT, 'utf8'));
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
}
for (const report of [E2E, ENGINES]) {
  if (!existsSync(report)) continue;
  const { stats } = JSON.parse(readFileSync(report, 'utf8'));
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  skipped += stats.skipped;
}
if (status !== 0 && failed === 0) failed = 1; // a step that is not a test runner failed
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(status === 0 ? 0 : 1);

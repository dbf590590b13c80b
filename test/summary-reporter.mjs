// Ends the run with one plain line, `N passed, N failed, N skipped`, that any CI log reader understands.
export default class SummaryReporter {
  onTestRunEnd(testModules) {
    const count = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules)
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        count[state == 'passed' ? 'passed' : state == 'failed' ? 'failed' : 'skipped']++;
      }
    console.log(`\n${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped`);
  }
}

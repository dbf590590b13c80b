// Ends the run with one plain line, `N passed, N failed, N skipped`, that any CI log reader understands. A
// file that failed outside its tests (a syntax error, a failing beforeAll) and an unhandled error count as
// failed too, each named on the lines after, as is a test that passed only when given again: a run that lost
// a whole file never reads "0 failed", and a retry is never silent.
export default class SummaryReporter {
  onTestRunEnd(testModules, unhandledErrors = []) {
    const count = { passed: 0, failed: 0, skipped: 0 };
    const outside = [];
    const retried = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        count[state == 'passed' ? 'passed' : state == 'failed' ? 'failed' : 'skipped']++;
        if (state == 'passed' && test.diagnostic()?.retryCount) retried.push(test.fullName);
      }
      if ([module, ...module.children.allSuites()].some((suite) => suite.errors().length)) outside.push(module.relativeModuleId);
    }
    count.failed += outside.length + unhandledErrors.length;
    const notes = [
      ...outside.map((file) => `${file} failed outside its tests`),
      ...(unhandledErrors.length ? [`${unhandledErrors.length} unhandled error(s)`] : []),
      ...retried.map((name) => `passed when given again: ${name}`),
    ];
    console.log(`\n${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped` + notes.map((n) => '\n' + n).join(''));
  }
}

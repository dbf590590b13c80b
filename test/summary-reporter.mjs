// Ends the run with one plain line, `N passed, N failed, N skipped`, that any CI log reader understands. A
// file that failed outside its tests (a syntax error, a failing beforeAll) and an unhandled error count as
// failed too, each named on the line after: a run that lost a whole file never reads "0 failed".
export default class SummaryReporter {
  onTestRunEnd(testModules, unhandledErrors = []) {
    const count = { passed: 0, failed: 0, skipped: 0 };
    const outside = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        count[state == 'passed' ? 'passed' : state == 'failed' ? 'failed' : 'skipped']++;
      }
      if ([module, ...module.children.allSuites()].some((suite) => suite.errors().length)) outside.push(module.relativeModuleId);
    }
    count.failed += outside.length + unhandledErrors.length;
    const why = [...outside.map((file) => `${file} failed outside its tests`), ...(unhandledErrors.length ? [`${unhandledErrors.length} unhandled error(s)`] : [])];
    console.log(`\n${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped` + (why.length ? '\n' + why.join('; ') : ''));
  }
}

/** True for an http(s), protocol-relative or relative URL with no whitespace or control characters. */
export const isSafeUrl = (url: unknown): url is string =>
  typeof url == 'string' &&
  // Browsers drop tabs and newlines inside URLs ("java\nscript:"), so any whitespace is refused.
  /^(https?:|(?![a-z][a-z\d+.-]*:))[^\s\0-\x1f\x7f]+$/i.test(url);

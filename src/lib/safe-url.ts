/** True for an http(s), protocol-relative or relative URL with no whitespace or control characters. */
export const isSafeUrl = (url: unknown): url is string =>
  typeof url == 'string' &&
  url.length > 0 &&
  url.length < 2048 &&
  // Browsers drop tabs and newlines inside URLs ("java\nscript:"), so any whitespace is refused.
  !/[\s\u0000-\u001f\u007f]/.test(url) &&
  (!/^[a-z][a-z\d+.-]*:/i.test(url) || /^https?:/i.test(url));

/**
 * The prefix of an IP address that the log may keep with `ip: 'truncate'`: the /24 of an IPv4 address
 * (`203.0.113.0/24`), the /48 of an IPv6 one (`2001:db8:1::/48`); an IPv4 address mapped into IPv6 counts
 * as IPv4. Null for anything else. It also keys the rate limit.
 */
export const ipPrefix = (ip: string | undefined | null): string | null => {
  const address = String(ip || '').trim().replace(/^::ffff:(?=\d+\.)/i, '');
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/.exec(address);
  if (v4) return v4.slice(1).every((n) => +n < 256) ? `${+v4[1]}.${+v4[2]}.${+v4[3]}.0/24` : null;
  if (!/^[\da-f:]+$/i.test(address) || !address.includes(':')) return null;
  // Expand `::` to the zero groups it stands for, then keep the first three.
  const [head, tail] = address.split('::');
  const groups = [...head.split(':').filter(Boolean), ...(tail === undefined ? [] : Array(8 - head.split(':').filter(Boolean).length - tail.split(':').filter(Boolean).length).fill('0')), ...(tail || '').split(':').filter(Boolean)];
  if (groups.length != 8 || groups.some((g) => g.length > 4)) return null;
  return groups.slice(0, 3).map((g) => parseInt(g, 16).toString(16)).join(':') + '::/48';
};

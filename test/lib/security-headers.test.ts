/**
 * The `_headers` file (src/lib/security/security-policy.ts `headersFile`): every path gets the security headers,
 * and the JSON API under the base also gets `Access-Control-Allow-Origin: *` so browser apps on other origins
 * can read it (issue 16, "Apps"); pages do not.
 */
import { describe, expect, it } from 'vitest';
import { headerPolicy, headersFile } from '../../src/lib/security/security-policy.ts';

/** The `_headers` rules: path pattern -> its `Name: value` lines (Netlify / Cloudflare Pages format). */
function rules(text: string): Map<string, Record<string, string>> {
  const found = new Map<string, Record<string, string>>();
  let current: Record<string, string> | undefined;
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    if (!line.startsWith(' ')) found.set(line, (current = {}));
    else {
      const [name, ...value] = line.trim().split(': ');
      current![name!] = value.join(': ');
    }
  }
  return found;
}

describe('the _headers file', () => {
  it.each(['/', '/legal/'])('should let any origin read the API under %s, and only the API', (base) => {
    const found = rules(headersFile(base));
    expect([...found.keys()]).toEqual([`${base}*`, `${base}api/*`]);
    expect(found.get(`${base}api/*`)).toEqual({ 'Access-Control-Allow-Origin': '*' });
    expect(found.get(`${base}*`)!['Access-Control-Allow-Origin']).toBeUndefined();
    expect(found.get(`${base}*`)!['Content-Security-Policy']).toBe(headerPolicy);
  });
});

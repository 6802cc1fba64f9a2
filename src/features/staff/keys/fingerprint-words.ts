/**
 * A key's fingerprint as it is read aloud between colleagues: eight groups of five digits (each
 * group is one 16-bit part of the SHA-256 fingerprint). Digits are the easiest thing to read out
 * and compare in Japanese, on the phone or across a desk.
 */
export function fingerprintDigits(fingerprint: string): string[] {
  return fingerprint
    .split(' ')
    .filter((group) => /^[0-9a-f]{4}$/.test(group))
    .map((group) => String(parseInt(group, 16)).padStart(5, '0'))
}

/**
 * go-yaml's character classes (yaml_private.go helpers), on code points instead of UTF-8 bytes: shared by the
 * scalar analysis, the emitter and the key order.
 */

export function isSpace(cp: number | undefined): boolean {
  return cp === 0x20;
}
export function isBreak(cp: number | undefined): boolean {
  return cp === 0x0d || cp === 0x0a || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
}
export function isBlank(cp: number | undefined): boolean {
  return cp === 0x20 || cp === 0x09;
}
/** is_blankz: blank, break, NUL or the end of the text. */
export function isBlankz(cp: number | undefined): boolean {
  return cp === undefined || cp === 0 || isBlank(cp) || isBreak(cp);
}
/** is_printable on the character's UTF-8 encoding: #x0A, #x20-#x7E, #xA0-#xD7FF, #xE000-#xFFFD without #xFEFF.
 * Four-byte characters (above #xFFFF) are not printable for go-yaml. */
export function isPrintable(cp: number): boolean {
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}

export function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return out;
}

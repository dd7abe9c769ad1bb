/**
 * Choosing a scalar's quoting style: `yaml_emitter_analyze_scalar` (which styles the text allows) and encode.go
 * `stringv` (which style the encoder asks for). The emitter combines the two with its context
 * (`yaml_emitter_select_scalar_style`).
 */
import { isBlank, isBlankz, isBreak, isPrintable, isSpace } from "./go-yaml-chars.js";
import { isBase60Float, resolvesToNonString } from "./go-yaml-resolve.js";

export interface ScalarData {
  multiline: boolean;
  flowPlainAllowed: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

export function analyzeScalar(v: number[]): ScalarData {
  if (v.length === 0) {
    return {
      multiline: false,
      flowPlainAllowed: false,
      blockPlainAllowed: true,
      singleQuotedAllowed: true,
      blockAllowed: false,
    };
  }
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;

  const starts = (c: number) => v.length >= 3 && v[0] === c && v[1] === c && v[2] === c;
  if (starts(0x2d) || starts(0x2e)) {
    blockIndicators = true;
    flowIndicators = true;
  }
  let precededByWhitespace = true;
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    const followedByWhitespace = i + 1 >= v.length || isBlank(v[i + 1]);
    const ch = String.fromCodePoint(c);
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(ch)) {
        flowIndicators = true;
        blockIndicators = true;
      } else if (ch === "?" || ch === ":") {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      } else if (ch === "-") {
        if (followedByWhitespace) {
          flowIndicators = true;
          blockIndicators = true;
        }
      }
    } else if (",?[]{}".includes(ch)) {
      flowIndicators = true;
    } else if (ch === ":") {
      flowIndicators = true;
      if (followedByWhitespace) blockIndicators = true;
    } else if (ch === "#") {
      if (precededByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    }
    if (!isPrintable(c)) specialCharacters = true; // unicode output: non-ASCII printable is fine
    if (isSpace(c)) {
      if (i === 0) leadingSpace = true;
      if (i === v.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === v.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankz(c);
  }

  const d: ScalarData = {
    multiline: lineBreaks,
    flowPlainAllowed: true,
    blockPlainAllowed: true,
    singleQuotedAllowed: true,
    blockAllowed: true,
  };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    d.flowPlainAllowed = false;
    d.blockPlainAllowed = false;
  }
  if (trailingSpace) d.blockAllowed = false;
  if (breakSpace) {
    d.flowPlainAllowed = false;
    d.blockPlainAllowed = false;
    d.singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    d.flowPlainAllowed = false;
    d.blockPlainAllowed = false;
    d.singleQuotedAllowed = false;
    d.blockAllowed = false;
  }
  if (lineBreaks) {
    d.flowPlainAllowed = false;
    d.blockPlainAllowed = false;
  }
  if (flowIndicators) d.flowPlainAllowed = false;
  if (blockIndicators) d.blockPlainAllowed = false;
  return d;
}

export type Style = "plain" | "single" | "double" | "literal";

/** encode.go `stringv`: the style go-yaml asks for. */
export function requestedStringStyle(s: string): Style {
  if (s.includes("\n")) return "literal";
  if (!resolvesToNonString(s) && !isBase60Float(s)) return "plain";
  return "double";
}

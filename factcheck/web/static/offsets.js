// Offsets between the server and the browser.
//
// The server (Python, claim files) counts Unicode code points; JavaScript strings count
// UTF-16 code units.  They differ after every character outside the Basic Multilingual
// Plane (most emoji), which takes two code units.  ZWNJ and combining marks are one code
// point and one code unit each, so they never shift offsets, but they must not be split
// from their base letter: spans come from the server and always cover whole clusters.

/** Code-point offset -> UTF-16 index, for every offset 0..n of `text`. */
export function utf16Table(text) {
  const table = [0];
  let u = 0;
  for (const ch of text) {          // iterates by code point
    u += ch.length;                 // 1, or 2 for a surrogate pair
    table.push(u);
  }
  return Int32Array.from(table);
}

/** A converter for one text: cp -> utf16 and utf16 -> cp. */
export function converter(text) {
  const table = utf16Table(text);
  const n = table.length - 1;
  return {
    length: n,
    toUtf16(cp) {
      if (!Number.isInteger(cp) || cp < 0 || cp > n) {
        throw new RangeError(`code-point offset ${cp} outside 0..${n}`);
      }
      return table[cp];
    },
    toCodePoint(u) {
      // binary search: the largest cp with table[cp] <= u
      let lo = 0, hi = n;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (table[mid] <= u) lo = mid; else hi = mid - 1;
      }
      return lo;
    },
  };
}

/** `text.slice` by code-point offsets (what the server's `text[s:e]` returns). */
export function sliceCodePoints(text, start, end) {
  const c = converter(text);
  return text.slice(c.toUtf16(start), c.toUtf16(end));
}

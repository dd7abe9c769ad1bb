/**
 * Go's `sort.Sort` / `sort.Slice` — pattern-defeating quicksort — re-implemented so that describe output orders
 * equal elements exactly as kubectl does. The algorithm is deterministic (its "random" pattern breaker is an
 * xorshift seeded with the slice length), stable for 12 elements or fewer (plain insertion sort) and unstable
 * above that, which matters for kubectl's event list: it is sorted by lastTimestamp alone, and events of one
 * second (or the several events.k8s.io events with no lastTimestamp) tie.
 *
 * Behaviour ported (no code copied) from golang/go `src/sort/zsortinterface.go`
 * @ 662feb6fbd89129f7932da3d7aadf02a5df12904 (pdqsort, insertionSort, heapSort/siftDown, partition,
 * partitionEqual, partialInsertionSort, breakPatterns, choosePivot/median/medianAdjacent, reverseRange) and the
 * `Sort`/`Slice` entry points and `xorshift`/`nextPowerOfTwo` helpers of `src/sort/sort.go` (limit =
 * bits.Len(n)). `sort.Slice` runs the same generated algorithm (zsortfunc.go) with a less-function, so one port
 * serves both.
 *
 * xorshift: kubectl 1.35 is built with Go ≥ 1.24, whose sort.go uses the xorshift64 shifts 13, 7, 17 (a stored
 * copy of that sort.go, find_string index id 55451638531); Go 1.19–1.23 used 13, 17, 5 (golang/go#70144, reported
 * against go1.23.2). The shifts only matter once a partition came out unbalanced. The port was checked against
 * Go 1.19.8's sort.Sort with the 1.19 shifts (test/kubectl/describe/go119-sort-cases.json).
 */

const UNKNOWN_HINT = 0;
const INCREASING_HINT = 1;
const DECREASING_HINT = 2;

const MASK64 = (1n << 64n) - 1n;

/** Go's `bits.Len(uint(n))` for n ≥ 0: the number of bits needed to represent n. */
function bitsLen(n: number): number {
  let len = 0;
  while (n > 0) {
    len++;
    n = Math.floor(n / 2);
  }
  return len;
}

/** xorshift64 shift triplet: Go ≥ 1.24 uses (13, 7, 17); Go 1.19–1.23 used (13, 17, 5) (golang/go#70144). */
export type XorshiftShifts = readonly [bigint, bigint, bigint];
export const XORSHIFT_GO_1_24: XorshiftShifts = [13n, 7n, 17n];
export const XORSHIFT_GO_1_19: XorshiftShifts = [13n, 17n, 5n];

class Sorter<T> {
  constructor(
    private readonly data: T[],
    private readonly lessFn: (a: T, b: T) => boolean,
    private readonly shifts: XorshiftShifts,
  ) {}

  less(i: number, j: number): boolean {
    return this.lessFn(this.data[i], this.data[j]);
  }

  swap(i: number, j: number): void {
    const d = this.data;
    const t = d[i];
    d[i] = d[j];
    d[j] = t;
  }

  insertionSort(a: number, b: number): void {
    for (let i = a + 1; i < b; i++) {
      for (let j = i; j > a && this.less(j, j - 1); j--) this.swap(j, j - 1);
    }
  }

  siftDown(lo: number, hi: number, first: number): void {
    let root = lo;
    for (;;) {
      let child = 2 * root + 1;
      if (child >= hi) return;
      if (child + 1 < hi && this.less(first + child, first + child + 1)) child++;
      if (!this.less(first + root, first + child)) return;
      this.swap(first + root, first + child);
      root = child;
    }
  }

  heapSort(a: number, b: number): void {
    const first = a;
    const lo = 0;
    const hi = b - a;
    for (let i = Math.trunc((hi - 1) / 2); i >= 0; i--) this.siftDown(i, hi, first);
    for (let i = hi - 1; i >= 0; i--) {
      this.swap(first, first + i);
      this.siftDown(lo, i, first);
    }
  }

  pdqsort(a: number, b: number, limit: number): void {
    const maxInsertion = 12;
    let wasBalanced = true;
    let wasPartitioned = true;
    for (;;) {
      const length = b - a;
      if (length <= maxInsertion) {
        this.insertionSort(a, b);
        return;
      }
      if (limit === 0) {
        this.heapSort(a, b);
        return;
      }
      if (!wasBalanced) {
        this.breakPatterns(a, b);
        limit--;
      }
      let [pivot, hint] = this.choosePivot(a, b);
      if (hint === DECREASING_HINT) {
        this.reverseRange(a, b);
        pivot = b - 1 - (pivot - a);
        hint = INCREASING_HINT;
      }
      if (wasBalanced && wasPartitioned && hint === INCREASING_HINT) {
        if (this.partialInsertionSort(a, b)) return;
      }
      if (a > 0 && !this.less(a - 1, pivot)) {
        a = this.partitionEqual(a, b, pivot);
        continue;
      }
      const [mid, alreadyPartitioned] = this.partition(a, b, pivot);
      wasPartitioned = alreadyPartitioned;
      const leftLen = mid - a;
      const rightLen = b - mid;
      const balanceThreshold = Math.trunc(length / 8);
      if (leftLen < rightLen) {
        wasBalanced = leftLen >= balanceThreshold;
        this.pdqsort(a, mid, limit);
        a = mid + 1;
      } else {
        wasBalanced = rightLen >= balanceThreshold;
        this.pdqsort(mid + 1, b, limit);
        b = mid;
      }
    }
  }

  partition(a: number, b: number, pivot: number): [number, boolean] {
    this.swap(a, pivot);
    let i = a + 1;
    let j = b - 1;
    while (i <= j && this.less(i, a)) i++;
    while (i <= j && !this.less(j, a)) j--;
    if (i > j) {
      this.swap(j, a);
      return [j, true];
    }
    this.swap(i, j);
    i++;
    j--;
    for (;;) {
      while (i <= j && this.less(i, a)) i++;
      while (i <= j && !this.less(j, a)) j--;
      if (i > j) break;
      this.swap(i, j);
      i++;
      j--;
    }
    this.swap(j, a);
    return [j, false];
  }

  partitionEqual(a: number, b: number, pivot: number): number {
    this.swap(a, pivot);
    let i = a + 1;
    let j = b - 1;
    for (;;) {
      while (i <= j && !this.less(a, i)) i++;
      while (i <= j && this.less(a, j)) j--;
      if (i > j) break;
      this.swap(i, j);
      i++;
      j--;
    }
    return i;
  }

  partialInsertionSort(a: number, b: number): boolean {
    const maxSteps = 5;
    const shortestShifting = 50;
    let i = a + 1;
    for (let step = 0; step < maxSteps; step++) {
      while (i < b && !this.less(i, i - 1)) i++;
      if (i === b) return true;
      if (b - a < shortestShifting) return false;
      this.swap(i, i - 1);
      // Shift the smaller one to the left (Go's loop bound is 1, not a, as upstream).
      if (i - a >= 2) {
        for (let j = i - 1; j >= 1; j--) {
          if (!this.less(j, j - 1)) break;
          this.swap(j, j - 1);
        }
      }
      // Shift the greater one to the right.
      if (b - i >= 2) {
        for (let j = i + 1; j < b; j++) {
          if (!this.less(j, j - 1)) break;
          this.swap(j, j - 1);
        }
      }
    }
    return false;
  }

  breakPatterns(a: number, b: number): void {
    const length = b - a;
    if (length < 8) return;
    let random = BigInt(length); // xorshift(length)
    const modulus = BigInt(2 ** bitsLen(length)); // nextPowerOfTwo
    const start = a + Math.trunc(length / 4) * 2 - 1;
    for (let idx = start; idx <= start + 2; idx++) {
      const [a1, b1, c1] = this.shifts;
      random ^= (random << a1) & MASK64;
      random ^= random >> b1;
      random ^= (random << c1) & MASK64;
      let other = Number(random & (modulus - 1n));
      if (other >= length) other -= length;
      this.swap(idx, a + other);
    }
  }

  choosePivot(a: number, b: number): [number, number] {
    const shortestNinther = 50;
    const maxSwaps = 4 * 3;
    const l = b - a;
    const swaps = { n: 0 };
    const q = Math.trunc(l / 4);
    let i = a + q * 1;
    let j = a + q * 2;
    let k = a + q * 3;
    if (l >= 8) {
      if (l >= shortestNinther) {
        i = this.median(i - 1, i, i + 1, swaps);
        j = this.median(j - 1, j, j + 1, swaps);
        k = this.median(k - 1, k, k + 1, swaps);
      }
      j = this.median(i, j, k, swaps);
    }
    if (swaps.n === 0) return [j, INCREASING_HINT];
    if (swaps.n === maxSwaps) return [j, DECREASING_HINT];
    return [j, UNKNOWN_HINT];
  }

  private order2(a: number, b: number, swaps: { n: number }): [number, number] {
    if (this.less(b, a)) {
      swaps.n++;
      return [b, a];
    }
    return [a, b];
  }

  private median(a: number, b: number, c: number, swaps: { n: number }): number {
    [a, b] = this.order2(a, b, swaps);
    [b, c] = this.order2(b, c, swaps);
    [a, b] = this.order2(a, b, swaps);
    return b;
  }

  reverseRange(a: number, b: number): void {
    let i = a;
    let j = b - 1;
    while (i < j) {
      this.swap(i, j);
      i++;
      j--;
    }
  }
}

/**
 * Sorts `data` in place exactly as Go's `sort.Sort` (or `sort.Slice`) would with this less-function, including
 * the final order of elements that compare equal. Returns `data`.
 */
export function goSort<T>(data: T[], less: (a: T, b: T) => boolean): T[] {
  return goSortWithShifts(data, less, XORSHIFT_GO_1_24);
}

/** `goSort` with an explicit xorshift variant (tests compare against a Go 1.19 toolchain with it). */
export function goSortWithShifts<T>(data: T[], less: (a: T, b: T) => boolean, shifts: XorshiftShifts): T[] {
  const n = data.length;
  if (n <= 1) return data;
  new Sorter(data, less, shifts).pdqsort(0, n, bitsLen(n));
  return data;
}

/** Go's `a < b` on strings: byte-wise on UTF-8, which is code-point order (not JavaScript's UTF-16 order). */
export function goStringLess(a: string, b: string): boolean {
  return goStringCompare(a, b) < 0;
}

export function goStringCompare(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(j)!;
    if (ca !== cb) return ca < cb ? -1 : 1;
    i += ca > 0xffff ? 2 : 1;
    j += cb > 0xffff ? 2 : 1;
  }
  const ra = a.length - i;
  const rb = b.length - j;
  return ra === rb ? 0 : ra < rb ? -1 : 1;
}

/** Go's `sort.Strings`. */
export function goSortStrings(list: string[]): string[] {
  return goSort(list, goStringLess);
}

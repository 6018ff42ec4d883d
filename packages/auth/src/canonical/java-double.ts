/**
 * How fastjson2 writes a Java `double`, for the releases the java dialect covers.
 *
 * - 2.0.45–2.0.55 use a port of the JDK's Schubfach algorithm: the shortest
 *   decimal that reads back to the double, in `Double.toString` layout
 *   (`100.0`, `1.0E21`, `4.9E-324`). {@link javaShortestDouble} reproduces it.
 * - 2.0.56 onwards use their own `NumberUtils.doubleToScientific`, which is not
 *   always shortest (`6.8e-29` -> `6.799999999999999E-29`), and write integral
 *   values below 2^63 digit for digit (`1.012470831159902592E18`).
 *   {@link fastjson2Double} is a line-by-line port of 2.0.57–2.0.66 (the
 *   function is byte-identical across them), with its lookup tables rebuilt
 *   from the formulas they follow.
 *
 * A double-valued number has one canonical form across the range exactly when
 * the two agree. Both functions take a finite double that is not zero.
 */

// --- 64-bit Java long arithmetic on bigint ---

const s64 = (x: bigint): bigint => BigInt.asIntN(64, x);
const u64 = (x: bigint): bigint => BigInt.asUintN(64, x);
/** `x << n` on a Java long: the shift count is taken mod 64. */
const shl = (x: bigint, n: number): bigint => s64(x << BigInt(n & 63));
/** `x >>> n` on a Java long. */
const ushr = (x: bigint, n: number): bigint => s64(u64(x) >> BigInt(n & 63));
/** `Math.multiplyHigh`: the high 64 bits of the signed 128-bit product. */
const multiplyHigh = (x: bigint, y: bigint): bigint => s64((x * y) >> 64n);

function multiplyHighAndShift(x: bigint, y: bigint, shift: number): bigint {
  const high = multiplyHigh(x, y);
  if (shift >= 64) return ushr(high, shift - 64);
  const low = s64(x * y);
  return s64(shl(high, 64 - shift) | ushr(low, shift));
}

function multiplyHighAndShift32(x: bigint, y: bigint, y32: bigint, s: number): bigint {
  const sr = s - 64;
  let high = multiplyHigh(x, y);
  let low = s64(x * y);
  const high1 = multiplyHigh(x, y32);
  const low1 = s64(x * y32);
  const carry = s64(shl(high1, 32) + ushr(low1, 32));
  const low2 = s64(low + carry);
  if ((low | carry) < 0n && ((low & carry) < 0n || low2 >= 0n)) high = s64(high + 1n);
  low = low2;
  if (sr >= 0) return ushr(high, sr);
  return s64(shl(high, -sr) | ushr(low, s));
}

// --- the ED and ED5 tables of fastjson2, computed on demand ---

const pow10n = (n: number): bigint => 10n ** BigInt(n);
const bitLength = (x: bigint): number => x.toString(2).length;

/** floor(log10(num / den)) for positive num and den. */
function floorLog10(num: bigint, den: bigint): number {
  let e = num.toString().length - den.toString().length;
  const atLeast = (k: number) => (k >= 0 ? num >= den * pow10n(k) : num * pow10n(-k) >= den);
  while (!atLeast(e)) e--;
  while (atLeast(e + 1)) e++;
  return e;
}

interface DecimalBinade {
  /** floor(log10) of the binade's smallest value. */
  readonly e10: number;
  readonly adl: number;
  /** The largest mantissa below 10^(e10+1), or 0 when the binade holds no power of ten. */
  readonly bv: bigint;
  readonly o5: number;
  readonly d4: bigint;
  readonly d3: bigint;
}

const binades = new Map<number, DecimalBinade>();

/**
 * fastjson2's `ED.E2_D_A[e52]` / `ED.E5_D_A[-e52]`: for mantissas in [2^52, 2^53) times 2^e52,
 * `e10`, `adl` (chosen so that `d4`, the unit in the last place scaled to four digits, lies in
 * 1000..9999; for subnormals `d4` is fixed at 4940 and `o5` at 326) and the power-of-ten threshold.
 */
function binade(e52: number): DecimalBinade {
  const cached = binades.get(e52);
  if (cached !== undefined) return cached;
  // The value of mantissa m is m * num / den.
  const num = e52 >= 0 ? 1n << BigInt(e52) : 1n;
  const den = e52 >= 0 ? 1n : 1n << BigInt(-e52);
  const e10 = floorLog10((1n << 52n) * num, den);
  // Subnormals are normalized by shifting left, so their mantissas are multiples of 2^lz.
  const step = e52 < -1074 ? 1n << BigInt(-1074 - e52) : 1n;
  const thresholdNum = (e10 + 1 >= 0 ? pow10n(e10 + 1) : 1n) * den;
  const thresholdDen = (e10 + 1 >= 0 ? 1n : pow10n(-(e10 + 1))) * num * step;
  const below = ((thresholdNum + thresholdDen - 1n) / thresholdDen - 1n) * step;
  const bv = below < (1n << 53n) - 1n ? below : 0n;
  let adl: number;
  let d4: bigint;
  if (e52 < -1074) {
    adl = 324 + e10;
    d4 = 4940n;
  } else {
    adl = 0;
    d4 = 0n;
    for (; adl < 40; adl++) {
      const k = adl - e10 + 3;
      d4 = k >= 0 ? (num * pow10n(k)) / den : num / (den * pow10n(-k));
      if (d4 >= 1000n && d4 < 10000n) break;
    }
  }
  const entry: DecimalBinade = { e10, adl, bv, o5: adl + 2 - e10, d4, d3: d4 / 10n };
  binades.set(e52, entry);
  return entry;
}

interface PowerOfFive {
  /** 5^i with its top bit at bit 62, the next 32 bits in `f`, shifted right by `dfb`. */
  readonly y: bigint;
  readonly f: bigint;
  readonly dfb: number;
  /** 2^(62 + bitLength(5^i)) / 5^i: the top 64 bits in `oy`, the next 32 in `of`. */
  readonly oy: bigint;
  readonly of: bigint;
  readonly ob: number;
}

const powersOfFive = new Map<number, PowerOfFive>();

/** fastjson2's `ED5.ED5_A[i]`. */
function powerOfFive(i: number): PowerOfFive {
  const cached = powersOfFive.get(i);
  if (cached !== undefined) return cached;
  const p = 5n ** BigInt(i);
  const bits = bitLength(p);
  const dfb = Math.max(0, bits - 63);
  const y = bits <= 63 ? p << BigInt(63 - bits) : p >> BigInt(dfb);
  const f = bits <= 63 ? 0n : ((p << 32n) >> BigInt(dfb)) & 0xffffffffn;
  const reciprocal = (1n << BigInt(62 + bits + 32)) / p;
  const entry: PowerOfFive = { y, f, dfb, oy: s64(reciprocal >> 32n), of: reciprocal & 0xffffffffn, ob: 30 + bits };
  powersOfFive.set(i, entry);
  return entry;
}

const POW5_LONG = Array.from({ length: 27 }, (_, i) => 5n ** BigInt(i));
/** fastjson2's POW10_LONG_VALUES: 10^(i+1), with Long.MAX_VALUE last. */
const POW10_LONG = [...Array.from({ length: 18 }, (_, i) => 10n ** BigInt(i + 1)), 9223372036854775807n];

// --- NumberUtils.doubleToScientific and writeDecimal (2.0.57-2.0.66) ---

type Scientific = { readonly output: bigint; readonly count: number; readonly e10: number } | { readonly powerOfTen: number };

const view = new DataView(new ArrayBuffer(8));
function bitsOf(value: number): bigint {
  view.setFloat64(0, value);
  return view.getBigUint64(0);
}

function clz64(x: bigint): number {
  return x === 0n ? 64 : 64 - bitLength(x);
}

function doubleToScientific(value: number): Scientific {
  if (value === Number.MIN_VALUE) return { output: 49n, count: 2, e10: -324 };
  const bits = bitsOf(value);
  const e2 = Number((bits >> 52n) & 2047n);
  let mantissa = bits & ((1n << 52n) - 1n);
  const flagForDown = mantissa > 0n;
  let e52: number;
  if (e2 > 0) {
    mantissa |= 1n << 52n;
    e52 = e2 - 1075;
  } else {
    const lz52 = clz64(mantissa) - 11;
    mantissa <<= BigInt(lz52);
    e52 = -1074 - lz52;
  }
  let accurate = false;
  let rawOutput: bigint;
  const d = binade(e52);
  let { e10, adl } = d;
  if (d.bv !== 0n && mantissa >= d.bv) {
    if (mantissa > d.bv) {
      e10++;
      adl++;
    } else if (value === Number(`1e${e10 + 1}`)) {
      // POSITIVE_ or NEGATIVE_DECIMAL_POWER[|e10 + 1|], which are Double.valueOf("1.0E±n").
      return { powerOfTen: e10 + 1 };
    }
  }
  if (e52 >= 0) {
    const sb = e52 + d.o5;
    if (d.o5 < 0) {
      const d5 = powerOfFive(-d.o5);
      const rb = sb - 10 - d5.ob;
      rawOutput = multiplyHighAndShift32(shl(mantissa, 10), d5.oy, d5.of, 32 - rb);
      accurate = d.o5 === -1 && sb < 11;
    } else {
      rawOutput = shl(s64(mantissa * (POW5_LONG[d.o5] as bigint)), sb);
      accurate = true;
    }
  } else {
    const sb = d.o5 + e52;
    if (sb < 0) {
      if (d.o5 < POW5_LONG.length) {
        rawOutput = multiplyHighAndShift(mantissa, POW5_LONG[d.o5] as bigint, -sb);
      } else if (d.o5 < POW5_LONG.length + 4) {
        const scaled = s64(mantissa * (POW5_LONG[d.o5 - POW5_LONG.length + 1] as bigint));
        rawOutput = multiplyHighAndShift(scaled, POW5_LONG[POW5_LONG.length - 1] as bigint, -sb);
      } else {
        const d5 = powerOfFive(d.o5);
        rawOutput = multiplyHighAndShift32(shl(mantissa, 10), d5.y, d5.f, -(d5.dfb + sb) + 10);
      }
    } else {
      rawOutput = shl(s64((POW5_LONG[d.o5] as bigint) * mantissa), sb);
    }
  }
  if (accurate) {
    rawOutput /= 10n;
    if (adl === 16) {
      adl--;
      rawOutput = (rawOutput + 5n) / 10n;
    }
    return { output: rawOutput, count: adl + 2, e10 };
  }
  const div = rawOutput / 1000n;
  const rem = rawOutput - div * 1000n;
  const remUp = (10001n - rem * 10n) << 1n;
  const up = remUp <= d.d4;
  let output: bigint;
  if (up || (rem + 1n) << (flagForDown ? 1n : 2n) <= d.d3) {
    output = div + (up ? 1n : 0n);
    adl--;
  } else if (flagForDown) {
    output = (rawOutput + 50n) / 100n;
  } else {
    output = (rawOutput + 5n) / 10n;
    adl++;
  }
  return { output, count: adl + 1, e10 };
}

/** NumberUtils.writeDecimal (char[] variant), literally: trailing zeros stripped, plain for 1e-3 <= x < 1e7. */
function writeDecimal(value: bigint, digitCount: number, e10: number): string {
  let digitCnt = digitCount;
  if (value % 10n === 0n) {
    while (value % 100n === 0n) {
      digitCnt -= 2;
      value /= 100n;
      if (digitCnt === 1) break;
    }
    if (value % 10n === 0n && value > 0n) {
      digitCnt--;
      value /= 10n;
    }
  }
  let out = '';
  if (e10 < -3 || e10 >= 7) {
    if (digitCnt === 1) {
      out += `${value}.0`;
    } else {
      let pos = digitCnt - 2;
      const tl = POW10_LONG[pos] as bigint;
      const first = value / tl;
      out += `${first}.`;
      const after = value - first * tl;
      while (--pos > -1 && after < (POW10_LONG[pos] as bigint)) out += '0';
      out += String(after);
    }
    return `${out}E${e10}`;
  }
  if (e10 < 0) return `0.${'0'.repeat(-e10 - 1)}${value}`;
  const decimalPointPos = digitCnt - 1 - e10;
  if (decimalPointPos > 0) {
    let pos = decimalPointPos - 1;
    const tl = POW10_LONG[pos] as bigint;
    const before = value / tl;
    out += `${before}.`;
    const after = value - before * tl;
    while (--pos > -1 && after < (POW10_LONG[pos] as bigint)) out += '0';
    return out + String(after);
  }
  return `${value}${'0'.repeat(-decimalPointPos)}.0`;
}

/** `JSON.toJSONString(double)` in fastjson2 2.0.57–2.0.66, for a finite non-zero double. */
export function fastjson2Double(value: number): string {
  const sign = value < 0 ? '-' : '';
  const magnitude = Math.abs(value);
  // `doubleValue == (long) doubleValue`: integral values below 2^63 are written from their exact digits,
  // and 2^63 itself too, as Long.MAX_VALUE (the cast saturates and the comparison rounds it back).
  if (Number.isInteger(magnitude) && magnitude <= 2 ** 63) {
    const output = magnitude === 2 ** 63 ? 9223372036854775807n : BigInt(magnitude);
    const digits = output.toString().length;
    return sign + writeDecimal(output, Math.min(digits, 19), Math.min(digits, 19) - 1);
  }
  const scientific = doubleToScientific(magnitude);
  if ('powerOfTen' in scientific) return `${sign}1.0E${scientific.powerOfTen}`;
  return sign + writeDecimal(scientific.output, scientific.count, scientific.e10);
}

// --- Schubfach, as the JDK and fastjson2 2.0.45-2.0.55 write a double ---

/** The smallest positive normal double; below it a 1-digit decimal can be farther than a 2-digit one. */
const MIN_NORMAL = 2.2250738585072014e-308;

/** `[digits, exponent]` of the decimal the JDK's Double.toString picks: digits × 10^exponent. */
function javaDecimal(magnitude: number): [string, number] {
  const [mantissa = '', exponentText = '0'] = magnitude.toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exponent = Number(exponentText) - digits.length + 1;
  if (digits.length > 1 || magnitude >= MIN_NORMAL) return [digits, exponent];
  // JDK 19+ (and Schubfach in fastjson2): when a 1-digit decimal reads back, the 2-digit ones that read
  // back compete too, and the one closest to the exact value wins (4.9E-324, not 5e-324).
  const exact = BigInt(magnitude / Number.MIN_VALUE); // the value is exact × 2^-1074, scale < 0 throughout
  const scale = floorLog10(exact, 1n << 1074n) - 1; // 2-digit decimals here are c × 10^scale, 10 <= c <= 99
  const below = (exact * pow10n(-scale)) >> 1074n;
  // Each candidate as c × 10^scale (the 1-digit one is 10^(exponent - scale) times its digit).
  const candidates = [below, below + 1n, BigInt(digits) * pow10n(exponent - scale)].filter(
    (c) => c >= 10n && c <= 100n && Number(`${c}e${scale}`) === magnitude,
  );
  const distance = (c: bigint) => {
    const d = (c << 1074n) - exact * pow10n(-scale);
    return d < 0n ? -d : d;
  };
  let best = BigInt(digits) * pow10n(exponent - scale);
  for (const c of candidates) {
    const [dc, db] = [distance(c), distance(best)];
    if (dc < db || (dc === db && c % 2n === 0n)) best = c;
  }
  const text = best.toString().replace(/0+$/, '');
  return [text, scale + best.toString().length - text.length];
}

/** `Double.toString` (JDK 19+) of a finite non-zero double, which fastjson2 2.0.45–2.0.55 write. */
export function javaShortestDouble(value: number): string {
  const sign = value < 0 ? '-' : '';
  const [digits, exponent] = javaDecimal(Math.abs(value));
  const e10 = exponent + digits.length - 1;
  if (e10 < -3 || e10 >= 7) return `${sign}${digits[0]}.${digits.slice(1) || '0'}E${e10}`;
  if (e10 < 0) return `${sign}0.${'0'.repeat(-e10 - 1)}${digits}`;
  const integer = digits.slice(0, e10 + 1).padEnd(e10 + 1, '0');
  return `${sign}${integer}.${digits.slice(e10 + 1) || '0'}`;
}

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Writes packages/auth/src/vidau/charsets/*.gen.ts: what Java 17's {@code String.getBytes(charset)} gives for every
 * code point, for the default charsets a Java 17 server may have, as runs of code points whose byte sequences follow
 * one another. Run with the JDK the servers run: {@code java scripts/CharsetTables.java <output directory>}.
 *
 * <p>Format of a table's {@code runs} string: base64 VLQ numbers (6-bit digits, 32 and up continue), three per run:
 * {@code gap << 3 | length} (gap: code points since the previous run ended; length 0: unmapped, Java writes '?'),
 * {@code count - 1}, and the zigzag delta of the run's first sequence index from the index after the previous run of
 * that length. A sequence's index is its bytes read in mixed radix: position i holds bytes {@code min_i} to
 * {@code min_i + size_i - 1}, as {@code radix[length]} lists them. Code points past the last run, and every code point
 * no run covers, are unmapped. A table with a base is its base with these runs laid over it.
 */
public final class CharsetTables {
    private static final String DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final int MAX_LENGTH = 4;

    /** Charset, TS file, exported name, and the table it is laid over (or null). */
    private record Spec(String charset, String file, String constant, String base) {}

    /**
     * Windows' defaults (windows-1252; GBK for code page 936; windows-31j) and the legacy Linux locales'. Korean and
     * traditional Chinese Windows (x-windows-949, x-windows-950) are left out: a Linux JDK keeps them out of java.base,
     * so no JVM here can start with them as its default to prove them.
     */
    private static final List<Spec> SPECS = List.of(
            new Spec("windows-1252", "windows-1252", "windows1252Table", null),
            new Spec("GBK", "gbk", "gbkTable", null),
            new Spec("GB18030", "gb18030", "gb18030Table", "GBK"),
            new Spec("Shift_JIS", "shift-jis", "shiftJisTable", null),
            new Spec("windows-31j", "windows-31j", "windows31jTable", "Shift_JIS"),
            new Spec("EUC-JP", "euc-jp", "eucJpTable", null),
            new Spec("x-euc-jp-linux", "euc-jp-linux", "eucJpLinuxTable", "EUC-JP"),
            new Spec("EUC-KR", "euc-kr", "eucKrTable", null),
            new Spec("Big5", "big5", "big5Table", null));

    public static void main(String[] args) throws IOException {
        String version = System.getProperty("java.specification.version");
        if (!version.equals("17")) {
            // The servers are Java 17 (18+ default to UTF-8); another JDK's tables may differ, so none are written.
            System.err.println("charset tables not regenerated: they are Java 17's, and this is Java " + version);
            return;
        }
        Path out = Path.of(args.length > 0 ? args[0] : ".");
        for (Spec spec : SPECS) {
            Charset charset = Charset.forName(spec.charset());
            byte[][] map = encodeEveryCodePoint(charset);
            checkModel(charset, map);
            byte[][] base = spec.base() == null ? null : encodeEveryCodePoint(Charset.forName(spec.base()));
            Files.writeString(out.resolve(spec.file() + ".gen.ts"), table(spec, map, base), StandardCharsets.UTF_8);
        }
    }

    /** getBytes of each code point alone (a supplementary one as its surrogate pair); null where Java writes '?'. */
    private static byte[][] encodeEveryCodePoint(Charset charset) {
        byte[][] map = new byte[0x110000][];
        for (int cp = 0; cp < 0x110000; cp++) {
            if (cp >= 0xD800 && cp <= 0xDFFF) continue;
            byte[] bytes = new String(Character.toChars(cp)).getBytes(charset);
            if (bytes.length > MAX_LENGTH) throw new IllegalStateException(charset + " writes U+" + Integer.toHexString(cp) + " in " + bytes.length + " bytes");
            map[cp] = bytes.length == 1 && bytes[0] == '?' && cp != '?' ? null : bytes;
        }
        return map;
    }

    /**
     * What the tables assume, checked on this JVM: ASCII is itself, the replacement is one '?', a string's bytes are
     * the bytes of its code points one after another, and an unpaired surrogate is one '?'.
     */
    private static void checkModel(Charset charset, byte[][] map) {
        if (!Arrays.equals(charset.newEncoder().replacement(), new byte[] {'?'})) throw new IllegalStateException(charset + ": replacement is not '?'");
        for (int cp = 0; cp < 0x80; cp++) {
            if (map[cp] == null || map[cp].length != 1 || map[cp][0] != cp) throw new IllegalStateException(charset + ": U+" + Integer.toHexString(cp) + " is not ASCII");
        }
        Random random = new Random(20261205);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(8);
            for (int i = 0; i < length; i++) {
                int pick = random.nextInt(10);
                if (pick < 2) text.append((char) (0xD800 + random.nextInt(0x800)));
                else if (pick < 4) text.appendCodePoint(0x10000 + random.nextInt(0x100000));
                else if (pick < 6) text.append((char) random.nextInt(0x100));
                else text.append((char) random.nextInt(0x10000));
            }
            String s = text.toString();
            byte[] whole = s.getBytes(charset);
            java.io.ByteArrayOutputStream pieces = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                i += Character.charCount(cp);
                byte[] bytes = cp >= 0xD800 && cp <= 0xDFFF ? null : map[cp];
                pieces.writeBytes(bytes == null ? new byte[] {'?'} : bytes);
            }
            if (!Arrays.equals(whole, pieces.toByteArray())) {
                throw new IllegalStateException(charset + ": " + HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_16BE)) + " is not encoded code point by code point");
            }
        }
    }

    private static String table(Spec spec, byte[][] map, byte[][] base) {
        int[][] radix = radix(map);
        StringBuilder runs = new StringBuilder();
        long[] nextIndex = new long[MAX_LENGTH + 1];
        int end = 0; // the code point after the previous run
        int count = 0;
        for (int cp = 0; cp < 0x110000; ) {
            if (base != null ? Arrays.equals(map[cp], base[cp]) : map[cp] == null) {
                cp++;
                continue;
            }
            int length = map[cp] == null ? 0 : map[cp].length;
            long first = length == 0 ? 0 : index(map[cp], radix[length]);
            int n = 1;
            while (cp + n < 0x110000 && (base == null || !Arrays.equals(map[cp + n], base[cp + n]))) {
                byte[] next = map[cp + n];
                if (length == 0 ? next != null : next == null || next.length != length || index(next, radix[length]) != first + n) break;
                n++;
            }
            vlq(runs, (long) (cp - end) << 3 | length);
            vlq(runs, n - 1);
            if (length > 0) {
                long delta = first - nextIndex[length];
                vlq(runs, delta >= 0 ? delta << 1 : (-delta << 1) | 1);
                nextIndex[length] = first + n;
            } else {
                vlq(runs, 0);
            }
            count++;
            cp += n;
            end = cp;
        }
        StringBuilder radixText = new StringBuilder();
        for (int length = 1; length <= MAX_LENGTH; length++) {
            radixText.append(length == 1 ? "" : ", ").append('[');
            for (int i = 0; i < radix[length].length; i++) radixText.append(i == 0 ? "" : ", ").append(String.format("0x%02x", radix[length][i]));
            radixText.append(']');
        }
        String baseImport = base == null ? "" : "import { " + constantOf(spec.base()) + " } from './" + fileOf(spec.base()) + ".gen.js';\n";
        return "// Generated by conformance/scripts/CharsetTables.java (pnpm --filter @signet/conformance generate) from Java 17's\n"
                + "// String.getBytes(\"" + spec.charset() + "\"): " + count + " runs" + (base == null ? "" : " laid over " + spec.base()) + ". Do not edit.\n"
                + baseImport
                + "import type { CharsetTable } from './table.js';\n\n"
                + "/** Java 17's " + spec.charset() + " encoder, code point by code point. */\n"
                + "export const " + spec.constant() + ": CharsetTable = {\n"
                + "  name: '" + spec.charset() + "',\n"
                + (base == null ? "" : "  base: " + constantOf(spec.base()) + ",\n")
                + "  radix: [[], " + radixText + "],\n"
                + "  runs: '" + runs + "',\n"
                + "};\n";
    }

    private static String constantOf(String charset) {
        return SPECS.stream().filter(s -> s.charset().equals(charset)).findFirst().orElseThrow().constant();
    }

    private static String fileOf(String charset) {
        return SPECS.stream().filter(s -> s.charset().equals(charset)).findFirst().orElseThrow().file();
    }

    /** Per length, min and size of each byte position over every sequence of that length: [min0, size0, min1, size1, …]. */
    private static int[][] radix(byte[][] map) {
        int[][] min = new int[MAX_LENGTH + 1][];
        int[][] max = new int[MAX_LENGTH + 1][];
        for (byte[] bytes : map) {
            if (bytes == null) continue;
            int length = bytes.length;
            if (min[length] == null) {
                min[length] = new int[length];
                max[length] = new int[length];
                Arrays.fill(min[length], 0xff);
            }
            for (int i = 0; i < length; i++) {
                min[length][i] = Math.min(min[length][i], bytes[i] & 0xff);
                max[length][i] = Math.max(max[length][i], bytes[i] & 0xff);
            }
        }
        int[][] radix = new int[MAX_LENGTH + 1][];
        for (int length = 1; length <= MAX_LENGTH; length++) {
            radix[length] = new int[min[length] == null ? 0 : 2 * length];
            for (int i = 0; min[length] != null && i < length; i++) {
                radix[length][2 * i] = min[length][i];
                radix[length][2 * i + 1] = max[length][i] - min[length][i] + 1;
            }
        }
        return radix;
    }

    private static long index(byte[] bytes, int[] radix) {
        long index = 0;
        for (int i = 0; i < bytes.length; i++) index = index * radix[2 * i + 1] + ((bytes[i] & 0xff) - radix[2 * i]);
        return index;
    }

    private static void vlq(StringBuilder out, long value) {
        do {
            int digit = (int) (value & 31);
            value >>>= 5;
            out.append(DIGITS.charAt(value == 0 ? digit : digit | 32));
        } while (value != 0);
    }
}

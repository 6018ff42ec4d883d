import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import reference.JsonSorterUtils;
import reference.SignatureUtil;

/**
 * Times the vendor's Java sample (conformance/java: JsonSorterUtils + SignatureUtil, verbatim) in
 * one long-lived JVM, so that it is measured warmed, as a server runs it. Line protocol on stdin:
 * {@code load TAB hex(utf8 json)} parses the body once (JSON.parseObject, as the conformance
 * harness does) and answers {@code loaded TAB hex(canonical.getBytes(UTF-8)) TAB signature};
 * {@code run TAB n} signs it n times and answers {@code ran TAB cpuNanos TAB wallNanos}, the CPU
 * time of the whole JVM process (GC and compiler threads included) and the wall time of the loop.
 * The first line is {@code ready TAB fastjson2=<version>}.
 */
public final class BenchReference {
    private static final String CLIENT_ID = "client-1";
    private static final String AUTH_KEY = "bench-auth-key";
    private static final long TIMESTAMP = 1723515690000L;
    private static volatile String sink;

    /**
     * CPU time of every thread of this JVM in nanoseconds: the sum of /proc/self/task/{tid}/schedstat on Linux,
     * which counts in nanoseconds, where getProcessCpuTime counts in scheduler ticks (10 ms).
     */
    static long processCpuNanos(com.sun.management.OperatingSystemMXBean os) {
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) return os.getProcessCpuTime();
        long total = 0;
        for (java.io.File task : tasks) {
            try {
                String stat = java.nio.file.Files.readString(new java.io.File(task, "schedstat").toPath());
                total += Long.parseLong(stat.substring(0, stat.indexOf(' ')));
            } catch (java.io.IOException | RuntimeException e) {
                // a thread that ended between listing and reading: its time is lost either way
            }
        }
        return total;
    }

    public static void main(String[] args) throws Exception {
        HexFormat hex = HexFormat.of();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        // The release actually on the classpath (JSON.VERSION is inlined from the one compiled against).
        java.util.Properties release = new java.util.Properties();
        try (java.io.InputStream pom =
                JSON.class.getResourceAsStream("/META-INF/maven/com.alibaba.fastjson2/fastjson2/pom.properties")) {
            if (pom != null) release.load(pom);
        }
        out.println("ready\tfastjson2=" + release.getProperty("version", JSON.VERSION) + "\tjava=" + System.getProperty("java.version"));
        JSONObject body = null;
        String line;
        while ((line = in.readLine()) != null) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("load")) {
                body = JSON.parseObject(new String(hex.parseHex(f[1]), StandardCharsets.UTF_8));
                String canonical = JsonSorterUtils.objectToJsonSorted(body);
                String signature = SignatureUtil.generateSignature(CLIENT_ID, AUTH_KEY, canonical, TIMESTAMP);
                out.println("loaded\t" + hex.formatHex(canonical.getBytes(StandardCharsets.UTF_8)) + "\t" + signature);
            } else if (f[0].equals("run")) {
                long n = Long.parseLong(f[1]);
                long cpu = processCpuNanos(os);
                long wall = System.nanoTime();
                for (long i = 0; i < n; i++) {
                    String canonical = JsonSorterUtils.objectToJsonSorted(body);
                    sink = SignatureUtil.generateSignature(CLIENT_ID, AUTH_KEY, canonical, TIMESTAMP);
                }
                long wallNanos = System.nanoTime() - wall;
                out.println("ran\t" + (processCpuNanos(os) - cpu) + "\t" + wallNanos);
            }
        }
    }
}

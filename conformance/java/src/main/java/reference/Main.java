package reference;

import com.alibaba.fastjson2.JSON;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Properties;

/**
 * A long-lived reference process. Each input line is
 * {@code id TAB hex(utf8 json text) TAB hex(utf8 clientId) TAB hex(utf8 authKey) TAB timestamp};
 * each output line is {@code id TAB ok TAB hex(canonical.getBytes()) TAB signature TAB hex(authKey.getBytes()) TAB
 * hex(message.getBytes()) TAB units(canonical)} (the key and message bytes {@code SignatureUtil} hashes, and the
 * canonical text itself, four hex digits per UTF-16 unit, so that an unpaired surrogate, which getBytes() turns
 * into '?', is seen as it is) or {@code id TAB error TAB hex(utf8 message)}. Hex keeps the transport out of the
 * comparison.
 * The first output line is {@code ready TAB fastjson2=<version> TAB charset=<default charset>}, where the
 * version is read from the fastjson2 classes actually loaded (the JVM's classpath picks the release) and
 * the charset is the one the vendor's {@code getBytes()} calls encode with.
 */
public final class Main {
    private static final HexFormat HEX = HexFormat.of();

    public static void main(String[] args) throws Exception {
        // The release whose classes were loaded: the Maven version recorded in that jar. (JSON.VERSION would be
        // inlined from the release compiled against, and 2.0.65 still says "2.0.64" there.)
        Properties release = new Properties();
        try (InputStream pom = JSON.class.getResourceAsStream("/META-INF/maven/com.alibaba.fastjson2/fastjson2/pom.properties")) {
            release.load(pom);
        }
        String version = release.getProperty("version");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        out.println("ready\tfastjson2=" + version + "\tcharset=" + Charset.defaultCharset().name());
        out.flush();
        String line;
        while ((line = in.readLine()) != null) {
            String[] f = line.split("\t", -1);
            try {
                String text = utf8(f[1]);
                String canonical = JsonSorterUtils.objectToJsonSorted(JSON.parseObject(text));
                String clientId = utf8(f[2]);
                String authKey = utf8(f[3]);
                long timestamp = Long.parseLong(f[4]);
                String signature = SignatureUtil.generateSignature(clientId, authKey, canonical, timestamp);
                // The bytes SignatureUtil hands to HMAC, from the same expressions in the same JVM.
                String message = clientId + canonical + timestamp;
                out.println(f[0] + "\tok\t" + HEX.formatHex(canonical.getBytes()) + "\t" + signature + "\t"
                        + HEX.formatHex(authKey.getBytes()) + "\t" + HEX.formatHex(message.getBytes()) + "\t" + units(canonical));
            } catch (Exception | StackOverflowError e) {
                String message = e.getClass().getSimpleName() + ": " + e.getMessage();
                out.println(f[0] + "\terror\t" + HEX.formatHex(message.getBytes(StandardCharsets.UTF_8)));
            }
            if (!in.ready()) out.flush();
        }
        out.flush();
    }

    private static String units(String text) {
        StringBuilder units = new StringBuilder(text.length() * 4);
        for (int i = 0; i < text.length(); i++) units.append(HEX.toHexDigits(text.charAt(i)));
        return units.toString();
    }

    private static String utf8(String hex) {
        return new String(HEX.parseHex(hex), StandardCharsets.UTF_8);
    }
}

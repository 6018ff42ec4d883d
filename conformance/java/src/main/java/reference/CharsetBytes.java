package reference;

import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Writes to standard output {@code getBytes()}, in this JVM's default charset, of one string that holds every code
 * point in order (a supplementary one as its surrogate pair, each unpaired surrogate followed by 'x' so that no two
 * pair up), then {@code "\uD800\uD800\uDC00\uD800"} and a high surrogate at the very end: what the vendor's
 * {@code message.getBytes()} would sign for such a text. The argument is the default charset expected; any other
 * exits with status 2.
 */
public final class CharsetBytes {
    public static void main(String[] args) {
        String charset = Charset.defaultCharset().name();
        if (!charset.equals(args[0])) {
            System.err.println("the default charset is " + charset + ", not " + args[0]);
            System.exit(2);
        }
        StringBuilder text = new StringBuilder();
        for (int cp = 0; cp < 0x110000; cp++) {
            if (cp >= 0xD800 && cp <= 0xDFFF) text.append((char) cp).append('x');
            else text.appendCodePoint(cp);
        }
        text.append("\uD800\uD800\uDC00\uD800").append('\uD83D');
        PrintStream out = System.out;
        out.writeBytes(text.toString().getBytes());
        out.flush();
    }
}

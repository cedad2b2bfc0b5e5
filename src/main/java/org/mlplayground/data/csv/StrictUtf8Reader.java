package org.mlplayground.data.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 that refuses bytes which are not UTF-8, but only after handing out every character before them,
 * so that the reader's caller knows the line of the first bad byte. ({@link java.io.InputStreamReader}
 * throws as soon as the bad byte is in its buffer, losing the characters decoded with it.)
 */
final class StrictUtf8Reader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private boolean endOfBytes;
    private CharacterCodingException pending;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) return 0;
        if (pending != null) throw pending;
        CharBuffer out = CharBuffer.wrap(target, offset, length);
        while (true) {
            CoderResult result = decoder.decode(bytes, out, endOfBytes);
            if (result.isError()) {
                pending = new CharacterCodingException();
                if (out.position() > offset) break;
                throw pending;
            }
            if (result.isOverflow() || out.position() > offset || endOfBytes) break;
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) endOfBytes = true;
            else bytes.position(bytes.position() + n);
            bytes.flip();
        }
        int n = out.position() - offset;
        return n == 0 && endOfBytes ? -1 : n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

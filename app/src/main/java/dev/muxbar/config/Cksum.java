package dev.muxbar.config;

import java.nio.charset.StandardCharsets;

/** POSIX {@code cksum} (CRC-32/CKSUM over the bytes, then the length), so Java and sh agree on keys. */
public final class Cksum {
    private Cksum() {}

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i << 24;
            for (int k = 0; k < 8; k++) {
                c = (c & 0x80000000) != 0 ? (c << 1) ^ 0x04C11DB7 : c << 1;
            }
            TABLE[i] = c;
        }
    }

    public static long of(String s) {
        return of(s.getBytes(StandardCharsets.UTF_8));
    }

    public static long of(byte[] data) {
        int crc = 0;
        for (byte b : data) {
            crc = (crc << 8) ^ TABLE[((crc >>> 24) ^ b) & 0xFF];
        }
        for (long n = data.length; n != 0; n >>>= 8) {
            crc = (crc << 8) ^ TABLE[((crc >>> 24) ^ (int) n) & 0xFF];
        }
        return (~crc) & 0xFFFFFFFFL;
    }
}

package dev.muxbar.cli;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code for a terminal: two modules a character (▀ ▄ █ and space), dark on light with a quiet zone
 * of 2 modules — phones read it off any dark or light terminal. Made by Nayuki's QR Code generator
 * (Maven Central, io.nayuki:qrcodegen).
 */
final class QrText {
    private QrText() {}

    static String of(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int quiet = 2;
        int size = qr.size + 2 * quiet;
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < size; y += 2) {
            sb.append("\033[30;47m"); // black on white, whatever the terminal's own colours
            for (int x = 0; x < size; x++) {
                boolean top = dark(qr, x - quiet, y - quiet);
                boolean bottom = y + 1 < size && dark(qr, x - quiet, y + 1 - quiet);
                sb.append(top ? (bottom ? '█' : '▀') : (bottom ? '▄' : ' '));
            }
            sb.append("\033[0m\n");
        }
        return sb.toString();
    }

    private static boolean dark(QrCode qr, int x, int y) {
        return x >= 0 && y >= 0 && x < qr.size && y < qr.size && qr.getModule(x, y);
    }
}

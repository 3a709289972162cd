import dev.muxbar.text.Cells;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Turns `tmux capture-pane -e -p` output into a PNG: each capture a tile with a caption, tiles in
 * a grid. Run with the muxbar jar on the classpath (cell widths as the sidebar counts them):
 *
 *   java -Djava.awt.headless=true -cp app/target/muxbar.jar scripts/shots/AnsiPng.java \
 *        OUT.png COLUMNS_PER_ROW CELLS_WIDE CELLS_HIGH caption=file.ans ...
 *
 * Understands the SGR codes tmux writes: 0, 1, 22, 30-37/90-97/39, 40-47/100-107/49, 38;5;N,
 * 48;5;N, 38;2;R;G;B, 48;2;R;G;B. Default colours come from the first tile's top-left cell.
 */
public final class AnsiPng {

    record Cell(String ch, Color fg, Color bg, boolean bold) {}

    static final Color DEFAULT_FG = new Color(0xd0, 0xd0, 0xd0);
    static final Color DEFAULT_BG = new Color(0x10, 0x10, 0x10);
    static final int[] ANSI = {0x000000, 0xcd3131, 0x0dbc79, 0xe5e510, 0x2472c8, 0xbc3fbc, 0x11a8cd, 0xe5e5e5,
            0x666666, 0xf14c4c, 0x23d18b, 0xf5f543, 0x3b8eea, 0xd670d6, 0x29b8db, 0xffffff};

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int perRow = Integer.parseInt(args[1]);
        int cols = Integer.parseInt(args[2]);
        int rows = Integer.parseInt(args[3]);
        List<String> captions = new ArrayList<>();
        List<Cell[][]> grids = new ArrayList<>();
        for (int i = 4; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            captions.add(args[i].substring(0, eq));
            grids.add(parse(Files.readString(Path.of(args[i].substring(eq + 1))), cols, rows));
        }
        Font font = new Font("DejaVu Sans Mono", Font.PLAIN, 15);
        Font bold = font.deriveFont(Font.BOLD);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        FontMetrics fm = probe.createGraphics().getFontMetrics(font);
        int cw = fm.charWidth('M');
        int ch = fm.getHeight();
        int pad = 16;
        int captionH = ch + 8;
        int tileW = cols * cw;
        int tileH = rows * ch;
        int n = grids.size();
        int gridRows = (n + perRow - 1) / perRow;
        int w = pad + perRow * (tileW + pad);
        int h = pad + gridRows * (captionH + tileH + pad);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_LCD_HRGB);
        g.setColor(new Color(0x2b, 0x2d, 0x31));
        g.fillRect(0, 0, w, h);
        for (int t = 0; t < n; t++) {
            int x0 = pad + (t % perRow) * (tileW + pad);
            int y0 = pad + (t / perRow) * (captionH + tileH + pad);
            g.setFont(bold);
            g.setColor(new Color(0xe8, 0xe8, 0xe8));
            g.drawString(captions.get(t), x0, y0 + fm.getAscent());
            Cell[][] grid = grids.get(t);
            int ty = y0 + captionH;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    Cell cell = grid[r][c];
                    g.setColor(cell.bg());
                    g.fillRect(x0 + c * cw, ty + r * ch, cw, ch);
                }
                for (int c = 0; c < cols; c++) {
                    Cell cell = grid[r][c];
                    if (cell.ch() != null && !cell.ch().isBlank()) {
                        g.setFont(cell.bold() ? bold : font);
                        g.setColor(cell.fg());
                        drawGlyph(g, cell.ch(), x0 + c * cw, ty + r * ch, cw, ch, fm.getAscent());
                    }
                }
            }
        }
        ImageIO.write(img, "png", new File(out.toString()));
    }

    /** Box drawing and block glyphs are drawn as shapes so they join across cells like in a terminal. */
    static void drawGlyph(Graphics2D g, String s, int x, int y, int cw, int ch, int ascent) {
        switch (s) {
            case "─" -> g.fillRect(x, y + ch / 2, cw, 1);
            case "│" -> g.fillRect(x + cw / 2, y, 1, ch);
            case "▎" -> g.fillRect(x, y, Math.max(2, cw / 4), ch);
            case "▏" -> g.fillRect(x, y + 2, 1, ch - 4);
            default -> {
                java.awt.Font f = g.getFont();
                if (f.canDisplayUpTo(s) != -1) { // e.g. the braille spinner: not in DejaVu Sans Mono
                    g.setFont(new java.awt.Font("DejaVu Sans", f.getStyle(), f.getSize()));
                }
                g.drawString(s, x, y + ascent);
                g.setFont(f);
            }
        }
    }

    static Cell[][] parse(String text, int cols, int rows) {
        Cell[][] grid = new Cell[rows][cols];
        String[] lines = text.split("\n", -1);
        Color defBg = null;
        for (int r = 0; r < rows; r++) {
            Color fg = DEFAULT_FG;
            Color bg = DEFAULT_BG;
            boolean bold = false;
            int c = 0;
            String line = r < lines.length ? lines[r] : "";
            for (int i = 0; i < line.length(); ) {
                if (line.charAt(i) == '\033' && i + 1 < line.length() && line.charAt(i + 1) == '[') {
                    int end = line.indexOf('m', i);
                    String[] p = line.substring(i + 2, end).split(";");
                    for (int k = 0; k < p.length; k++) {
                        int v = p[k].isEmpty() ? 0 : Integer.parseInt(p[k]);
                        if (v == 0) { fg = DEFAULT_FG; bg = DEFAULT_BG; bold = false; }
                        else if (v == 1) bold = true;
                        else if (v == 22) bold = false;
                        else if (v >= 30 && v <= 37) fg = new Color(ANSI[v - 30]);
                        else if (v >= 90 && v <= 97) fg = new Color(ANSI[v - 90 + 8]);
                        else if (v == 39) fg = DEFAULT_FG;
                        else if (v >= 40 && v <= 47) bg = new Color(ANSI[v - 40]);
                        else if (v >= 100 && v <= 107) bg = new Color(ANSI[v - 100 + 8]);
                        else if (v == 49) bg = DEFAULT_BG;
                        else if ((v == 38 || v == 48) && k + 1 < p.length) {
                            Color col;
                            if (p[k + 1].equals("2")) {
                                col = new Color(Integer.parseInt(p[k + 2]), Integer.parseInt(p[k + 3]), Integer.parseInt(p[k + 4]));
                                k += 4;
                            } else {
                                col = xterm(Integer.parseInt(p[k + 2]));
                                k += 2;
                            }
                            if (v == 38) fg = col; else bg = col;
                        }
                    }
                    i = end + 1;
                    continue;
                }
                int cp = line.codePointAt(i);
                int w = Cells.width(cp);
                if (c < cols && w > 0) {
                    grid[r][c] = new Cell(new String(Character.toChars(cp)), fg, bg, bold);
                    if (w == 2 && c + 1 < cols) {
                        grid[r][c + 1] = new Cell(null, fg, bg, bold);
                    }
                }
                c += w;
                i += Character.charCount(cp);
            }
            for (; c < cols; c++) {
                grid[r][c] = new Cell(" ", fg, bg, false); // tmux ends a line at its last drawn cell
            }
            for (int k = 0; k < cols; k++) {
                if (grid[r][k] == null) {
                    grid[r][k] = new Cell(" ", fg, bg, false);
                }
            }
        }
        return grid;
    }

    static Color xterm(int i) {
        if (i < 16) return new Color(ANSI[i]);
        if (i >= 232) { int v = 8 + 10 * (i - 232); return new Color(v, v, v); }
        int[] lv = {0, 95, 135, 175, 215, 255};
        int n = i - 16;
        return new Color(lv[n / 36], lv[n / 6 % 6], lv[n % 6]);
    }
}

package dev.muxbar.theme;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * macOS: {@code AppleInterfaceStyle} ("Dark", or absent in light mode) read in-process through
 * CoreFoundation's preferences API (JNA), and read again whenever
 * {@code ~/Library/Preferences/.GlobalPreferences.plist} changes ({@link DirWatcher}; no subprocess).
 */
final class MacAppearance extends WatcherThread {

    /** The CoreFoundation calls used, as C declares them. */
    interface CoreFoundation extends Library {
        int UTF8 = 0x08000100; // kCFStringEncodingUTF8

        Pointer CFStringCreateWithCString(Pointer allocator, String text, int encoding);

        Pointer CFPreferencesCopyAppValue(Pointer key, Pointer applicationId);

        boolean CFPreferencesAppSynchronize(Pointer applicationId);

        long CFGetTypeID(Pointer ref);

        long CFStringGetTypeID();

        boolean CFStringGetCString(Pointer string, byte[] buffer, long size, int encoding);

        void CFRelease(Pointer ref);
    }

    private final Path prefsDir;
    private volatile DirWatcher watcher;
    private Boolean last; // the appearance last reported (only the watcher's thread touches it after start)

    MacAppearance(Path prefsDir, Consumer<String> log) {
        super("macOS AppleInterfaceStyle", log);
        this.prefsDir = prefsDir;
    }

    @Override
    void run(Consumer<Boolean> onDark) {
        CoreFoundation cf;
        Pointer anyApp;
        Pointer key;
        try {
            cf = Native.load("CoreFoundation", CoreFoundation.class);
            anyApp = NativeLibrary.getInstance("CoreFoundation")
                    .getGlobalVariableAddress("kCFPreferencesAnyApplication")
                    .getPointer(0);
            key = cf.CFStringCreateWithCString(null, "AppleInterfaceStyle", CoreFoundation.UTF8);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            fail("cannot load CoreFoundation: " + e.getMessage());
            return;
        }
        Runnable check = () -> {
            cf.CFPreferencesAppSynchronize(anyApp); // drop CoreFoundation's cached copy
            boolean dark = "Dark".equals(read(cf, key, anyApp));
            if (last == null || last != dark) {
                last = dark;
                onDark.accept(dark);
            }
        };
        check.run();
        watcher = new DirWatcher(prefsDir, ".GlobalPreferences.plist"::equals, check);
        watcher.start("appearance-watch");
    }

    /** The string value of {@code key} in the global domain, or null (light mode: the key is absent). */
    private static String read(CoreFoundation cf, Pointer key, Pointer app) {
        Pointer v = cf.CFPreferencesCopyAppValue(key, app);
        if (v == null) {
            return null;
        }
        try {
            if (cf.CFGetTypeID(v) != cf.CFStringGetTypeID()) {
                return null;
            }
            byte[] buf = new byte[64];
            return cf.CFStringGetCString(v, buf, buf.length, CoreFoundation.UTF8)
                    ? new String(buf, 0, indexOfZero(buf), StandardCharsets.UTF_8)
                    : null;
        } finally {
            cf.CFRelease(v);
        }
    }

    private static int indexOfZero(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return b.length;
    }

    @Override
    public void close() {
        DirWatcher w = watcher;
        if (w != null) {
            w.close();
        }
    }
}

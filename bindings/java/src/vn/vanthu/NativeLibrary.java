package vn.vanthu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Loads the native library {@code vanthu_java} once: from {@code java.library.path} when it is there
 * ({@code System.loadLibrary}), otherwise from the jar (the resource
 * {@code native/<os>-<arch>/libvanthu_java.so}, copied to a temporary file that is deleted as soon as
 * it is loaded).
 */
final class NativeLibrary {
    private static String loadedFrom;

    private NativeLibrary() {}

    /** Where the library was loaded from: {@code java.library.path} or {@code jar:<resource>}. */
    static synchronized String load() {
        if (loadedFrom != null) {
            return loadedFrom;
        }
        try {
            System.loadLibrary("vanthu_java");
            loadedFrom = "java.library.path";
            return loadedFrom;
        } catch (UnsatisfiedLinkError notOnPath) {
            String resource = resource();
            try (InputStream in = NativeLibrary.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    UnsatisfiedLinkError e = new UnsatisfiedLinkError(
                            "vanthu_java is neither on java.library.path nor in the jar (" + resource + ")");
                    e.addSuppressed(notOnPath);
                    throw e;
                }
                Path file = Files.createTempFile("libvanthu_java", suffix());
                try {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    System.load(file.toAbsolutePath().toString());
                } finally {
                    // Loaded (mapped) or failed: the file is not needed any more.
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy " + resource + " out of the jar", e);
            }
            loadedFrom = "jar:" + resource;
            return loadedFrom;
        }
    }

    /** The jar resource of the library for this platform, e.g. {@code native/linux-x86_64/libvanthu_java.so}. */
    static String resource() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (arch.equals("amd64")) {
            arch = "x86_64";
        } else if (arch.equals("arm64")) {
            arch = "aarch64";
        }
        String name;
        if (os.startsWith("windows")) {
            os = "windows";
            name = "vanthu_java.dll";
        } else if (os.startsWith("mac")) {
            os = "macos";
            name = "libvanthu_java.dylib";
        } else {
            os = "linux";
            name = "libvanthu_java.so";
        }
        return "native/" + os + "-" + arch + "/" + name;
    }

    private static String suffix() {
        String resource = resource();
        return resource.substring(resource.lastIndexOf('.'));
    }
}

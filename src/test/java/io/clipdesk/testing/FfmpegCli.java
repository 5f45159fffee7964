package io.clipdesk.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Debian ffmpeg as an outside encoder: makes media files and pushes live streams into Clipdesk the way OBS or
 * a hardware encoder would. Pictures are small (320x180) so tests stay light on a shared 2-core machine.
 */
public final class FfmpegCli {

    /** A 25 fps test picture and a tone, H.264 with a keyframe every second (25 frames), AAC. */
    private static final List<String> LIVE_INPUT = List.of("-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25",
            "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000");
    private static final List<String> H264_AAC = List.of("-c:v", "libx264", "-preset", "ultrafast", "-tune",
            "zerolatency", "-g", "25", "-keyint_min", "25", "-sc_threshold", "0", "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-b:a", "64k");

    private FfmpegCli() {
    }

    /** Runs ffmpeg to completion; fails the test with ffmpeg's words when it fails. */
    public static void run(String... args) {
        execute("error", args);
    }

    /** Runs ffmpeg to completion at log level info (what filters such as psnr report) and returns its output. */
    public static String runForOutput(String... args) {
        return execute("info", args);
    }

    private static String execute(String logLevel, String... args) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", logLevel, "-nostdin",
                "-y"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("ffmpeg failed: " + String.join(" ", command) + "\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run ffmpeg", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** An H.264/AAC file of {@code seconds}, one keyframe a second. */
    public static Path h264File(Path file, int seconds) {
        List<String> args = new ArrayList<>(LIVE_INPUT);
        args.addAll(H264_AAC);
        args.addAll(List.of("-t", Integer.toString(seconds), file.toString()));
        run(args.toArray(String[]::new));
        return file;
    }

    /**
     * An H.264/AAC file of {@code seconds} as a camera or an editing suite writes it: x264's own profile with
     * B-frames (so decode order is not presentation order) and a keyframe every {@code gopFrames} frames.
     */
    public static Path h264FileWithBFrames(Path file, int seconds, int gopFrames) {
        List<String> args = new ArrayList<>(LIVE_INPUT);
        args.addAll(List.of("-c:v", "libx264", "-preset", "veryfast", "-bf", "2", "-g", Integer.toString(gopFrames),
                "-keyint_min", Integer.toString(gopFrames), "-sc_threshold", "0", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "64k", "-t", Integer.toString(seconds), file.toString()));
        run(args.toArray(String[]::new));
        return file;
    }

    /** A file that must be transcoded: MPEG-4 part 2 video and MP3 audio in Matroska. */
    public static Path mpeg4File(Path file, int seconds) {
        List<String> args = new ArrayList<>(LIVE_INPUT);
        args.addAll(List.of("-c:v", "mpeg4", "-g", "25", "-c:a", "libmp3lame", "-t", Integer.toString(seconds),
                file.toString()));
        run(args.toArray(String[]::new));
        return file;
    }

    /**
     * Starts a real-time push ({@code -re}) that runs until stopped or for {@code seconds}, retrying while the
     * listener is not up yet (ffmpeg gives up at once on a refused connection). A push counts as taken once ffmpeg
     * reports its first progress, which it does only with its output open: a refused ffmpeg that took longer than
     * half a second to exit (a loaded machine) used to pass for one that was pushing.
     *
     * @param format "flv" for RTMP, "mpegts" for SRT
     */
    public static Process push(String url, String format, int seconds) {
        for (int attempt = 0; attempt < 40; attempt++) {
            List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin",
                    "-progress", "pipe:1", "-re"));
            command.addAll(LIVE_INPUT);
            command.addAll(H264_AAC);
            command.addAll(List.of("-t", Integer.toString(seconds), "-f", format, url));
            Process p;
            try {
                p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                throw new AssertionError("cannot run ffmpeg", e);
            }
            BufferedReader progress = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.US_ASCII));
            try {
                if (progress.readLine() != null) {
                    drain(progress);
                    return p;
                }
                if (p.waitFor() == 0) {
                    return p;
                }
            } catch (IOException e) {
                p.destroyForcibly();
                throw new AssertionError("cannot read ffmpeg's progress", e);
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no listener took the push to " + url);
    }

    /** Reads the rest of a push's progress report away, so ffmpeg never blocks on a full pipe. */
    private static void drain(BufferedReader progress) {
        Thread reader = new Thread(() -> {
            try (progress) {
                while (progress.readLine() != null) {
                    // discarded
                }
            } catch (IOException e) {
                // the push ended or was killed
            }
        }, "ffmpeg-progress");
        reader.setDaemon(true);
        reader.start();
    }

    /** One push attempt, no retry (for a push that must be refused). */
    public static Process startPush(String url, String format, int seconds) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin",
                "-re"));
        command.addAll(LIVE_INPUT);
        command.addAll(H264_AAC);
        command.addAll(List.of("-t", Integer.toString(seconds), "-f", format, url));
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new AssertionError("cannot run ffmpeg", e);
        }
    }

    /** Sends a POSIX signal (STOP freezes an encoder without closing its connection, CONT resumes it). */
    public static void signal(Process process, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static int freeTcpPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    public static int freeUdpPort() {
        try (DatagramSocket socket = new DatagramSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}

package io.clipdesk.api.http.connection;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The PEM certificate (chain) and private key the server proves itself with. The JDK's TLS provider does the
 * work, so no native library is needed; the key must be PKCS#8 ({@code BEGIN PRIVATE KEY}), which is what
 * OpenSSL 3 and Let's Encrypt's certbot write.
 */
public record TlsFiles(Path certificate, Path privateKey) {

    public TlsFiles {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    /** @throws IOException with a sentence saying which file is wrong and how to fix it */
    public SslContext serverContext() throws IOException {
        for (Path file : new Path[] {certificate, privateKey}) {
            if (!Files.isReadable(file)) {
                throw new IOException("cannot read " + file + "; check --tls-cert and --tls-key");
            }
        }
        String key = Files.readString(privateKey);
        if (key.contains("BEGIN ENCRYPTED PRIVATE KEY") || key.contains("Proc-Type: 4,ENCRYPTED")) {
            throw new IOException("the TLS key " + privateKey + " is protected by a password; write it without one:"
                    + " openssl pkcs8 -topk8 -nocrypt -in " + privateKey + " -out key.pem");
        }
        try {
            return SslContextBuilder.forServer(certificate.toFile(), privateKey.toFile())
                    .sslProvider(SslProvider.JDK).build();
        } catch (IOException | RuntimeException e) {
            String convert = key.contains("BEGIN RSA PRIVATE KEY") || key.contains("BEGIN EC PRIVATE KEY")
                    ? " The key is in the older RSA/EC form; convert it to PKCS#8: openssl pkcs8 -topk8 -nocrypt -in "
                    + privateKey + " -out key.pem."
                    : " The certificate must be PEM (BEGIN CERTIFICATE) and the key PEM PKCS#8 (BEGIN PRIVATE KEY).";
            throw new IOException("cannot use the TLS certificate " + certificate + " with the key " + privateKey
                    + " (" + e.getMessage() + ")." + convert, e);
        }
    }
}

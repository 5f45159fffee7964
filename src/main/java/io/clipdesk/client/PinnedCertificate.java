package io.clipdesk.client;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts one server certificate, named by the SHA-256 fingerprint of its DER encoding, instead of the JDK's
 * certificate authorities: how a client trusts a server's self-signed certificate. The fingerprint pins the
 * certificate itself, so the host name the server is reached by is not checked against it (a LAN server is
 * often reached by an address its certificate does not name).
 */
final class PinnedCertificate extends X509ExtendedTrustManager {

    /** Thrown when the server shows another certificate; its message is the sentence the client shows. */
    static final class Mismatch extends CertificateException {
        Mismatch(String message) {
            super(message);
        }
    }

    private final byte[] sha256;

    private PinnedCertificate(byte[] sha256) {
        this.sha256 = sha256;
    }

    /**
     * @param fingerprint 64 hex digits, colons and a leading "SHA256 Fingerprint=" (as openssl prints it) allowed
     * @throws IllegalArgumentException saying what a fingerprint looks like
     */
    static PinnedCertificate of(String fingerprint) {
        String hex = fingerprint.substring(fingerprint.indexOf('=') + 1).replace(":", "").strip()
                .toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a TLS fingerprint is the certificate's SHA-256 as 64 hex digits (colons"
                    + " allowed), as printed by: openssl x509 -noout -fingerprint -sha256 -in cert.pem");
        }
        return new PinnedCertificate(HexFormat.of().parseHex(hex));
    }

    SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {this}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no TLS", e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new Mismatch("the server sent no certificate");
        }
        byte[] shown = sha256(chain[0]);
        if (!MessageDigest.isEqual(shown, sha256)) {
            throw new Mismatch("the server's certificate has the SHA-256 fingerprint " + colons(shown)
                    + ", not the trusted " + colons(sha256) + "; check the fingerprint you gave, or whether "
                    + "something between you and the server answers in its place");
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a client trusts servers only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    private static byte[] sha256(X509Certificate certificate) throws CertificateEncodingException {
        try {
            return MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK offers no SHA-256", e);
        }
    }

    private static String colons(byte[] digest) {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }
}

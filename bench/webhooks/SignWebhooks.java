import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Random;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Pre-signs N distinct GHL-shaped webhooks for {@code wrk} (see README.md here). Run with the fat jar on the class
 * path, for Bouncy Castle's Ed25519 (the JDK's signs ~10x slower):
 *
 * <pre>java -cp bootstrap/target/recruitflow.jar bench/webhooks/SignWebhooks.java OUT_DIR [N] [CONTACTS]</pre>
 *
 * <p>Writes {@code OUT_DIR/key.pem} (the public key; give it to {@code serve} as RECRUITFLOW_WEBHOOK_PUBLIC_KEYS;
 * the benchmark's private key, made on the first run, stays in {@code OUT_DIR/key.private}) and {@code OUT_DIR/events.tsv}: one line per event,
 * {@code base64 Ed25519 signature TAB body}. The bodies follow ghl-specs' webhook examples (InboundMessage SMS,
 * OutboundMessage, ContactTagUpdate, in turn), each with a distinct {@code webhookId} (a random run prefix, so
 * every run stores new rows) and a {@code timestamp} of now; contacts and locations are fictional ids GHL would not
 * know either, spread over {@code CONTACTS} contacts (default 5,000) in 10 locations.
 */
public final class SignWebhooks {

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: SignWebhooks OUT_DIR [N=200000] [CONTACTS=5000]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int contacts = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        Files.createDirectories(out);

        SecureRandom seed = new SecureRandom();
        // The benchmark's own key pair, kept beside the events so that a running serve keeps trusting it.
        Path keyFile = out.resolve("key.private");
        if (!Files.exists(keyFile)) {
            Files.writeString(keyFile, Base64.getEncoder().encodeToString(
                    new Ed25519PrivateKeyParameters(seed).getEncoded()));
        }
        Ed25519PrivateKeyParameters key =
                new Ed25519PrivateKeyParameters(Base64.getDecoder().decode(Files.readString(keyFile).strip()), 0);
        Ed25519PublicKeyParameters pub = key.generatePublicKey();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pub)
                                .getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        Files.writeString(out.resolve("key.pem"), pem, StandardCharsets.US_ASCII);

        String run = Long.toHexString(seed.nextLong() & 0xffffffffffL);
        String now = Instant.now().toString();
        Random random = new Random(42);
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Base64.Encoder b64 = Base64.getEncoder();
        long started = System.nanoTime();
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("events.tsv"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                int c = random.nextInt(contacts);
                String body = body(i, "wh-" + run + "-" + i, now, "loc_" + String.format("%04d", 1 + c % 10), c);
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                key.sign(Ed25519.Algorithm.Ed25519, null, bytes, 0, bytes.length, signature, 0);
                w.write(b64.encodeToString(signature));
                w.write('\t');
                w.write(body);
                w.write('\n');
            }
        }
        System.err.printf(
                "signed %,d webhooks (run %s) in %.1f s into %s%n",
                n, run, (System.nanoTime() - started) / 1e9, out.resolve("events.tsv"));
    }

    /** One of three shapes from ghl-specs/.../webhook-events, in turn. */
    private static String body(int i, String webhookId, String now, String location, int contact) {
        String contactId = "bench" + String.format("%015d", contact);
        String common = "\"webhookId\":\"" + webhookId + "\",\"timestamp\":\"" + now + "\",\"locationId\":\""
                + location + "\"";
        return switch (i % 3) {
            case 0 -> "{\"type\":\"InboundMessage\"," + common
                    + ",\"attachments\":[],\"body\":\"Yes, I am interested. What are the next steps?\",\"contactId\":\""
                    + contactId + "\",\"contentType\":\"text/plain\",\"conversationId\":\"conv" + contact
                    + "\",\"dateAdded\":\"" + now
                    + "\",\"direction\":\"inbound\",\"messageType\":\"SMS\",\"messageId\":\"msg" + i
                    + "\",\"status\":\"delivered\",\"conversationProviderId\":\"cI08i1Bls3iTB9bKgF01\"}";
            case 1 -> "{\"type\":\"OutboundMessage\"," + common
                    + ",\"attachments\":[],\"body\":\"Hi, following up on the licensed agent opportunity.\","
                    + "\"contactId\":\"" + contactId + "\",\"contentType\":\"text/plain\",\"conversationId\":\"conv"
                    + contact + "\",\"dateAdded\":\"" + now
                    + "\",\"direction\":\"outbound\",\"messageType\":\"SMS\",\"messageId\":\"msg" + i
                    + "\",\"status\":\"delivered\",\"userId\":\"xsmF1xxhmC92ZpL1lj7aLa\"}";
            default -> "{\"type\":\"ContactTagUpdate\"," + common + ",\"id\":\"" + contactId
                    + "\",\"address1\":\"3535 1st St N\",\"city\":\"Birmingham\",\"state\":\"AL\",\"country\":\"US\","
                    + "\"source\":\"PropHog\",\"dateAdded\":\"2021-11-26T12:41:02.193Z\",\"dnd\":false,"
                    + "\"email\":\"agent" + contact + "@example.com\",\"name\":\"Agent Bench\",\"firstName\":\"Agent\","
                    + "\"lastName\":\"Bench\",\"phone\":\"+1205555" + String.format("%04d", contact % 10_000)
                    + "\",\"postalCode\":\"35203\",\"tags\":[\"Licensed\",\"PropHog-Lead\",\"Life-Licensed\"],"
                    + "\"attachments\":[],\"customFields\":[{\"id\":\"cf_license_state\",\"value\":\"AL\"}]}";
        };
    }
}

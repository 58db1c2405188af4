import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * A Juhe client as Java users write it: java.net.http.HttpClient has no multipart builder, so the
 * multipart/form-data body (key, cardType, the pic file part, orderid, userid) is assembled by hand.
 *
 * Usage: java JuheClient.java BASE_URL KEY CARD_TYPE IMAGE_PATH USERID
 * Prints the raw response body; exits 1 on a non-2xx status.
 */
public class JuheClient {
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 5) {
            System.err.println("usage: java JuheClient.java BASE_URL KEY CARD_TYPE IMAGE_PATH USERID");
            System.exit(2);
        }
        String boundary = "----JuheBoundary" + UUID.randomUUID().toString().replace("-", "");
        Path image = Path.of(args[3]);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, boundary, "key", args[1]);
        field(body, boundary, "cardType", args[2]);
        body.write(("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"pic\"; filename=\"" + image.getFileName() + "\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(image));
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        field(body, boundary, "orderid", "1");
        field(body, boundary, "userid", args[4]);
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(args[0] + "/certificates/query"))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        System.out.print(response.body());
        System.out.flush();
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            System.err.println("HTTP " + response.statusCode());
            System.exit(1);
        }
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) throws IOException {
        body.write(("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                + value + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
}

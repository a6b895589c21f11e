package io.skyvern.testing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A minimal multipart/form-data parser for the fixture site (fields and files, no nesting). */
final class Multipart {
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

    final Map<String, String> fields = new LinkedHashMap<>();
    final Map<String, FixtureSite.UploadedFile> files = new LinkedHashMap<>();

    static Multipart parse(String contentType, byte[] body) {
        Multipart m = new Multipart();
        int b = contentType.indexOf("boundary=");
        if (b < 0) {
            return m;
        }
        byte[] delimiter = ("--" + contentType.substring(b + 9).replace("\"", "").trim())
                .getBytes(StandardCharsets.ISO_8859_1);
        int pos = indexOf(body, delimiter, 0);
        while (pos >= 0) {
            int start = pos + delimiter.length;
            if (start + 2 <= body.length && body[start] == '-' && body[start + 1] == '-') {
                break;
            }
            start += 2; // CRLF after the delimiter
            int next = indexOf(body, delimiter, start);
            if (next < 0) {
                break;
            }
            m.part(Arrays.copyOfRange(body, start, next - 2)); // minus CRLF before the delimiter
            pos = next;
        }
        return m;
    }

    private void part(byte[] part) {
        int split = indexOf(part, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (split < 0) {
            return;
        }
        String headers = new String(part, 0, split, StandardCharsets.UTF_8);
        byte[] content = Arrays.copyOfRange(part, split + 4, part.length);
        Matcher name = NAME.matcher(headers);
        if (!name.find()) {
            return;
        }
        Matcher filename = FILENAME.matcher(headers);
        if (filename.find()) {
            files.put(name.group(1), new FixtureSite.UploadedFile(filename.group(1), content));
        } else {
            fields.put(name.group(1), new String(content, StandardCharsets.UTF_8));
        }
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

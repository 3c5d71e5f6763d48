package fullcourt.local;

import io.restassured.RestAssured;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of /q/metrics (OpenMetrics text, exemplars left out), read back as series. */
final class PrometheusScrape {

    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    record Series(String name, Map<String, String> labels, double value) {
    }

    private final List<Series> series;

    private PrometheusScrape(List<Series> series) {
        this.series = series;
    }

    static PrometheusScrape now() {
        String body = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        List<Series> out = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            // OpenMetrics (what Quarkus serves for Accept */*) may end a sample with an exemplar, e.g.
            // `... 3.0 # {span_id="...",trace_id="..."} 0.012 1733370000.123`, when the sample was taken in a span
            int exemplar = line.indexOf(" # {");
            String sample = exemplar >= 0 ? line.substring(0, exemplar) : line;
            int space = sample.lastIndexOf(' ');
            String key = sample.substring(0, space);
            double value = Double.parseDouble(sample.substring(space + 1));
            int brace = key.indexOf('{');
            Map<String, String> labels = new LinkedHashMap<>();
            if (brace >= 0) {
                Matcher m = LABEL.matcher(key.substring(brace));
                while (m.find()) {
                    labels.put(m.group(1), m.group(2));
                }
            }
            out.add(new Series(brace >= 0 ? key.substring(0, brace) : key, labels, value));
        }
        return new PrometheusScrape(out);
    }

    /** Names of every series. */
    List<String> names() {
        return series.stream().map(Series::name).distinct().toList();
    }

    /** The sum of the series of this name carrying these labels (others free); 0 when there is none. */
    double value(String name, String... labelPairs) {
        return series.stream().filter(s -> s.name().equals(name) && carries(s, labelPairs))
                .mapToDouble(Series::value).sum();
    }

    private static boolean carries(Series s, String[] pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (!pairs[i + 1].equals(s.labels().get(pairs[i]))) {
                return false;
            }
        }
        return true;
    }
}

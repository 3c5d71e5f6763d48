package fullcourt.publishing.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExportLocationTest {

    @Test
    void aPathIsALocalDirectory() {
        assertThat(ExportLocation.parse("data/exports")).isEqualTo(new ExportLocation.Directory(Path.of("data/exports")));
        assertThat(ExportLocation.parse("/srv/fullcourt/exports"))
                .isEqualTo(new ExportLocation.Directory(Path.of("/srv/fullcourt/exports")));
    }

    @Test
    void aGsUrlIsABucketWithAnOptionalPrefix() {
        assertThat(ExportLocation.parse("gs://fullcourt-site")).isEqualTo(new ExportLocation.Bucket("fullcourt-site", ""));
        assertThat(ExportLocation.parse("gs://fullcourt-site/")).isEqualTo(new ExportLocation.Bucket("fullcourt-site", ""));
        assertThat(ExportLocation.parse("gs://fullcourt-site/public/api/"))
                .isEqualTo(new ExportLocation.Bucket("fullcourt-site", "public/api/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3://bucket/exports", "https://storage.googleapis.com/b", "file:///tmp/exports", "",
            "gs://", "gs://Upper_Case", "gs://b", "gs://fullcourt-site/a//b"})
    void anythingElseIsRejectedNamingTheSettingAndTheAcceptedForms(String location) {
        assertThatThrownBy(() -> ExportLocation.parse(location))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fullcourt.exports.location")
                .hasMessageContaining("gs://BUCKET[/PREFIX]")
                .hasMessageContaining("'" + location + "'");
    }
}

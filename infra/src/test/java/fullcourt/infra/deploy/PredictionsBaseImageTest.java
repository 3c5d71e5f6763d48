package fullcourt.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The predictions image is built on the base that carries libgomp.so.1, which XGBoost's native library needs. */
class PredictionsBaseImageTest {

    @Test
    void predictionsBuildsOnTheBaseImageThatInstallsLibgomp() throws IOException {
        String pom = Files.readString(Path.of("../services/predictions/pom.xml"));
        assertThat(pom).contains("<quarkus.jib.base-jvm-image>${fullcourt.predictions.base-image}</quarkus.jib.base-jvm-image>")
                .contains("/fullcourt/predictions-base:17</fullcourt.predictions.base-image>");
        String dockerfile = Files.readString(Path.of("deploy/images/predictions-base/Dockerfile"));
        assertThat(dockerfile).containsPattern("apt-get install [^\\n]*libgomp1")
                .contains("ldconfig -p | grep -q 'libgomp.so.1 '");
    }
}

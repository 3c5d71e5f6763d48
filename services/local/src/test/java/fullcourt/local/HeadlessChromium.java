package fullcourt.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium driven through its chromedriver, headless, for browser tests. Missing binaries
 * fail at once with how to install them (infra/bin/check-chromium), never by a hang or a download:
 * both paths are given, so Selenium Manager is not asked to find or fetch a browser.
 */
final class HeadlessChromium implements AutoCloseable {

    static final String CHROMIUM = env("FULLCOURT_CHROMIUM", "/usr/bin/chromium");
    static final String CHROMEDRIVER = env("FULLCOURT_CHROMEDRIVER", "/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Why Chromium cannot be started here, or null when both binaries are present. */
    static String missing() {
        for (String path : new String[] {CHROMIUM, CHROMEDRIVER}) {
            if (!new File(path).canExecute()) {
                return path + " not found: the dashboard's browser test needs Debian's chromium and chromium-driver."
                        + " Run infra/bin/check-chromium (it installs them as root, or prints how to),"
                        + " or set FULLCOURT_CHROMIUM / FULLCOURT_CHROMEDRIVER.";
            }
        }
        return null;
    }

    static HeadlessChromium start() {
        String missing = missing();
        if (missing != null) {
            throw new IllegalStateException(missing);
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("fullcourt-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // without the background-networking flags Chromium keeps calling Google's hosts, which a closed
        // network refuses; a fresh profile per test keeps runs independent
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(30))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new HeadlessChromium(driver, profile);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // a leftover temporary profile is harmless
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

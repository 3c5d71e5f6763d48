package fullcourt.loader.stage;

import fullcourt.loader.contract.RawTable;
import java.nio.file.Path;

/** One input file, the raw table it fills and how to read it. */
public record RawFile(Path path, RawTable table, FileFormat format) {

    /** The name rejections and summaries show: the path as given. */
    public String label() {
        return path.toString();
    }
}

package fullcourt.engine.warehouse;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The rows of one query result as column-name maps that share their columns: each row holds its values in an array,
 * and the column names, with the index of each, once for the whole result. A {@link LinkedHashMap} per row allocated
 * an entry per value and hashed each column label again for every row: on the four-season run that was most of the
 * cost of reading a year of training rows (about 35,000 rows of 23 values, read once a week of dates), and a part of
 * every export's reading (bench/REPORT.md, section 6, eleventh session).
 *
 * <p>A row reads as the {@link LinkedHashMap} it replaces: its columns in the result's order, a label given twice
 * keeping its first place and its last value. A row changed by its reader (put, remove) becomes a map of its own
 * first, so no other row sees the change.
 */
final class ResultRows {

    /** Each label's column, the labels in their first place's order. */
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final String[] names;
    private final int[] valueAt;

    /** The columns of a result, by their labels in the result's order. */
    ResultRows(List<String> labels) {
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i); // a label's first place, its last column
        }
        names = index.keySet().toArray(new String[0]);
        valueAt = index.values().stream().mapToInt(Integer::intValue).toArray();
    }

    /** A row of {@code values}, one per label given to the constructor, in their order; the array becomes the row's. */
    Map<String, Object> row(Object[] values) {
        return new Row(values);
    }

    private final class Row extends AbstractMap<String, Object> {

        private final Object[] values;
        /** The row as a map of its own, once its reader changed it. */
        private Map<String, Object> changed;

        Row(Object[] values) {
            this.values = values;
        }

        @Override
        public Object get(Object key) {
            if (changed != null) {
                return changed.get(key);
            }
            Integer i = index.get(key);
            return i == null ? null : values[i];
        }

        @Override
        public boolean containsKey(Object key) {
            return changed != null ? changed.containsKey(key) : index.containsKey(key);
        }

        @Override
        public int size() {
            return changed != null ? changed.size() : names.length;
        }

        @Override
        public Object put(String key, Object value) {
            return own().put(key, value);
        }

        @Override
        public Object remove(Object key) {
            return own().remove(key);
        }

        @Override
        public void clear() {
            own().clear();
        }

        private Map<String, Object> own() {
            if (changed == null) {
                Map<String, Object> copy = new LinkedHashMap<>();
                for (int i = 0; i < names.length; i++) {
                    copy.put(names[i], values[valueAt[i]]);
                }
                changed = copy;
            }
            return changed;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            if (changed != null) {
                return changed.entrySet();
            }
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < names.length;
                        }

                        @Override
                        public Entry<String, Object> next() {
                            if (next >= names.length) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return new SimpleImmutableEntry<>(names[i], values[valueAt[i]]);
                        }
                    };
                }

                @Override
                public int size() {
                    return names.length;
                }
            };
        }
    }
}

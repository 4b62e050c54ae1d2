package io.dltjdbc.pipeline.source;

/**
 * Where one item came from: the input ({@code data/orders.jsonl}, a masked URL, {@code chess players_games}),
 * the unit items are counted in there ({@code line}, {@code row}, {@code item}) and the item's number. It
 * prints as the position error messages use ({@code data/orders.jsonl line 5001}), and is kept as parts so
 * that rejected rows can record the source and line separately.
 *
 * @param unit null for a place before the first item (then only the source is shown)
 * @param line the physical line the item starts on where the input has lines, else the item's number
 * @param detail an extra label shown in parentheses, or null
 */
public record ItemOrigin(String source, String unit, long number, long line, String detail) {

    public static ItemOrigin ofLine(String source, long line) {
        return new ItemOrigin(source, "line", line, line, null);
    }

    public static ItemOrigin ofItem(String source, String unit, long number) {
        return new ItemOrigin(source, unit, number, number, null);
    }

    @Override
    public String toString() {
        String position = unit == null ? source : source + " " + unit + " " + number;
        return detail == null || detail.isEmpty() ? position : position + " (" + detail + ")";
    }
}
